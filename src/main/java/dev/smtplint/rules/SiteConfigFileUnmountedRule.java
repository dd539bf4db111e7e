package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

/**
 * SITE_CONFIG_FILE names a path no volume mount of the container provides (found by the manifest
 * reader).
 */
final class SiteConfigFileUnmountedRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "site-config-file-unmounted",
          ERROR,
          Group.FAILS,
          "SITE_CONFIG_FILE names a path that no volume mount of the container provides.",
          new RuleInfo.Explanation(
              """
                  The frontend reads every file of its SITE_CONFIG_FILE list at start. A path that no volume mount \
                  provides (a mountPath misspelt, a ConfigMap key the mount's items leave out, a subPath that names \
                  another key) does not exist in the container, so the frontend cannot load its site configuration and \
                  does not start; where the path names the secrets file, the email settings it holds are never read.""",
              """
                  env: [{ name: SITE_CONFIG_FILE, value: /etc/sourcegraph/site.json }]
                  volumeMounts: [{ name: config, mountPath: /etc/sg }]""",
              """
                  env: [{ name: SITE_CONFIG_FILE, value: /etc/sourcegraph/site.json }]
                  volumeMounts: [{ name: config, mountPath: /etc/sourcegraph }]""",
              """
                  Mount the ConfigMap (or Secret, or compose file) at the directory the path names, with the key as \
                  the file name (or items / subPath that map the key to it), or correct the path.""",
              """
                  Sourcegraph documentation, "Site configuration: using files" (SITE_CONFIG_FILE, ':' separated); \
                  Kubernetes documentation, "Configure a Pod to use a ConfigMap" (volume mounts, items, subPath); \
                  Sourcegraph internal/conf (the frontend reads each file of SITE_CONFIG_FILE at start)."""));

  public RuleInfo info() {
    return INFO;
  }
}
