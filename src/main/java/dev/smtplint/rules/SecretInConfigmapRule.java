package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

/**
 * A real-looking password in a Kubernetes ConfigMap (the site config it holds, or a key named like
 * a credential) or in a compose file's {@code environment:}: readable by anyone who can read the
 * object or the file. The manifest reader reports the ConfigMap keys and compose variables; this
 * class the site config's own password.
 */
final class SecretInConfigmapRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "secret-in-configmap",
          WARNING,
          Group.SECURITY,
          "A real-looking password is in a Kubernetes ConfigMap or a compose environment: entry rather than a Secret.",
          new RuleInfo.Explanation(
              """
                  Kubernetes keeps a ConfigMap readable by every role that may read ConfigMaps in its namespace \
                  (often all developers, and tools such as dashboards), shows it in `kubectl describe`, and stores it \
                  unencrypted; a Secret is a separate permission, can be encrypted at rest and is left out of `describe`. \
                  A compose file's environment: is read by anyone who can read the file or run `docker inspect`. \
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
                  append its path to SITE_CONFIG_FILE with ':'. In compose, read the value from a file that is not \
                  committed (env_file, or a secrets: entry).""",
              """
                  Kubernetes documentation, "ConfigMaps" (not for secret data) and "Good practices for Kubernetes \
                  Secrets"; Sourcegraph documentation: SITE_CONFIG_FILE takes several files joined by ':', merged by \
                  top-level key."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str p = s.smtpString("password").orElse(null);
    if (p == null || !s.options().plainText() || !realLooking(p.value())) {
      return;
    }
    out.at(
        INFO,
        p,
        "\"email.smtp.password\" holds what looks like a real password (value not shown) in a ConfigMap, "
            + "readable by anyone who may read ConfigMaps: move \"email.smtp\" into a Secret mounted beside it and "
            + "add its path to SITE_CONFIG_FILE");
  }

  /** A value that is neither empty, a placeholder, REDACTED nor a variable reference. */
  static boolean realLooking(String value) {
    return !value.isEmpty()
        && !Placeholders.isPlaceholderPassword(value)
        && !value.equals("REDACTED")
        && Variables.reference(value).isEmpty();
  }
}
