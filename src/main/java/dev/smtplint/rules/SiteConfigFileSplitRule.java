package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;

/**
 * A frontend lacks the SITE_CONFIG_FILE list its sibling frontends have (found by the manifest
 * reader).
 */
final class SiteConfigFileSplitRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "site-config-file-split",
          WARNING,
          Group.CORRECTNESS,
          "A Sourcegraph frontend container lacks the SITE_CONFIG_FILE list its sibling frontends have.",
          new RuleInfo.Explanation(
              """
                  Sourcegraph's docker-compose deployment runs two frontend services (sourcegraph-frontend-0 and \
                  sourcegraph-frontend-internal), and both can send mail. Each reads the site configuration it is \
                  given: one without SITE_CONFIG_FILE, or with another list, sends with other email settings, or none, \
                  depending on which container handles the request.""",
              """
                  sourcegraph-frontend-0:        { environment: [SITE_CONFIG_FILE=/etc/sourcegraph/site.json] }
                  sourcegraph-frontend-internal: { environment: [] }""",
              """
                  sourcegraph-frontend-0:        { environment: [SITE_CONFIG_FILE=/etc/sourcegraph/site.json] }
                  sourcegraph-frontend-internal: { environment: [SITE_CONFIG_FILE=/etc/sourcegraph/site.json] }""",
              "Give every frontend container the same SITE_CONFIG_FILE and the same mounts.",
              """
                  Sourcegraph deploy-sourcegraph-docker docker-compose.yaml (two services from the \
                  sourcegraph/frontend image); Sourcegraph documentation, "Site configuration: using files"."""));

  public RuleInfo info() {
    return INFO;
  }
}
