package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

/**
 * A real-looking SMTP password in a site config that a Kubernetes ConfigMap holds: readable by
 * anyone who can read ConfigMaps. Only site configs are judged (SPEC §1, §7): other variables
 * ({@code PGPASSWORD}, {@code IMAGE_PULL_SECRET_NAME}) are not smtplint's. Where password-in-file
 * fires on the same password, this rule does not.
 */
final class SecretInConfigmapRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "secret-in-configmap",
          WARNING,
          Group.SECURITY,
          "A real-looking SMTP password is in a site config that a Kubernetes ConfigMap holds rather than a Secret.",
          new RuleInfo.Explanation(
              """
                  Kubernetes keeps a ConfigMap readable by every role that may read ConfigMaps in its namespace \
                  (often all developers, and tools such as dashboards), shows it in `kubectl describe`, and stores it \
                  unencrypted; a Secret is a separate permission, can be encrypted at rest and is left out of `describe`. \
                  Only the site config's password is judged: other variables (PGPASSWORD, IMAGE_PULL_SECRET_NAME) are \
                  not smtplint's, and where the file is headed for version control password-in-file says it once. \
                  Sourcegraph merges a SITE_CONFIG_FILE list by top-level key, so the whole "email.smtp" object can \
                  come from a Secret mounted beside the ConfigMap.""",
              """
                  kind: ConfigMap
                  data:
                    site.json: |
                      { "email.smtp": { "host": "smtp.acme.io", "password": "hunter2-but-longer", ... } }""",
              """
                  kind: Secret        # "email.smtp" alone, mounted as /etc/sourcegraph/secrets.json
                  SITE_CONFIG_FILE=/etc/sourcegraph/site.json:/etc/sourcegraph/secrets.json""",
              """
                  Move "email.smtp" into a Secret (stringData key secrets.json), mount it beside the ConfigMap, and \
                  append its path to SITE_CONFIG_FILE with ':'.""",
              """
                  Kubernetes documentation, "ConfigMaps" (not for secret data) and "Good practices for Kubernetes \
                  Secrets"; Sourcegraph documentation: SITE_CONFIG_FILE takes several files joined by ':', merged by \
                  top-level key."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str p = s.smtpString("password").orElse(null);
    if (p == null
        || s.options().heldIn() != EmailSettings.Holder.CONFIG_MAP
        || !PasswordInFileRule.realLooking(p)
        || PasswordInFileRule.fires(s)) {
      return; // one password, one finding: where password-in-file speaks, its advice fits
    }
    out.at(
        INFO,
        p,
        "\"email.smtp.password\" holds what looks like a real password (value not shown) in a ConfigMap, "
            + "readable by anyone who may read ConfigMaps: move \"email.smtp\" into a Secret mounted beside it and "
            + "add its path to SITE_CONFIG_FILE");
  }
}
