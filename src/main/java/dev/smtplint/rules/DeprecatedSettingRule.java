package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import dev.smtplint.report.Severity;
import java.util.List;
import java.util.Optional;

final class DeprecatedSettingRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "deprecated-setting",
              ERROR,
              Group.CORRECTNESS,
              "A setting Sourcegraph no longer reads: disableTLS was renamed noVerifyTLS (2020).",
              new RuleInfo.Explanation(
                  """
                      "disableTLS" was renamed "noVerifyTLS" in November 2020 and then removed. email.smtp is a closed object \
                      in today's schema, so the admin UI and the GraphQL API refuse to save a config that has it. A \
                      SITE_CONFIG_FILE is validated at load since Sourcegraph 4.1 (sourcegraph#42989): one with it \
                      stops the frontend at start; before 4.1 it loaded, the key was ignored, and TLS certificates \
                      were verified after all.""",
                  "\"disableTLS\": true",
                  "\"noVerifyTLS\": true   // only if you really must; see tls-verification-disabled",
                  "Delete \"disableTLS\"; if certificate checks must be skipped, the current name is \"noVerifyTLS\".",
                  "Sourcegraph internal/txemail (2020-11-12 TODO to delete DisableTLS); schema/site.schema.json has no disableTLS; sourcegraph#42989 (4.1: SITE_CONFIG_FILE validated at load)."))
          .fixes(
              Fix.Safety.UNSAFE,
              """
                  renames disableTLS to noVerifyTLS, its name since 2020 (not when noVerifyTLS is also set): \
                  unsafe, because where the old key is ignored rather than refused (a SITE_CONFIG_FILE), the rename switches \
                  certificate checks off (SPEC §8)""");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Obj smtp = s.smtp().orElse(null);
    JsonValue.Member m = smtp == null ? null : smtp.member("disableTLS").orElse(null);
    if (m == null) {
      return;
    }
    Optional<dev.smtplint.config.SourcegraphVersion> release = s.options().release();
    if (Releases.holds("noVerifyTLS", release) == Releases.Holds.NO) {
      return; // before 3.22 disableTLS is the setting (and before 3.19, setting-not-in-version)
    }
    Releases.Holds removed = Releases.holds("disableTLSRemoved", release);
    Optional<Fix> fix = Optional.empty();
    if (smtp.member("noVerifyTLS").isEmpty() && m.value() instanceof JsonValue.Bool) {
      Optional<Fix.Edit> rename =
          Edits.renameKey(out.sourceOf(m.value().pointer()), m, "noVerifyTLS");
      if (rename.isPresent()) {
        fix =
            Optional.of(
                Fix.unsafe(
                    "rename it \"noVerifyTLS\" (its name since 2020; where it was ignored, this switches "
                        + "certificate checks off)",
                    List.of(rename.get())));
      }
    }
    if (removed != Releases.Holds.YES) {
      out.atKey(
          INFO,
          Severity.WARNING,
          m,
          "\"disableTLS\" is deprecated since 3.22 (sourcegraph#15682), and Sourcegraph "
              + release.orElseThrow()
              + (removed == Releases.Holds.NO
                  ? " still reads it"
                  : " may still read it (it was removed "
                      + Releases.fact("disableTLSRemoved").arrival()
                      + "; smtplint's table is not certain where)")
              + ": rename it \"noVerifyTLS\", which this release reads too",
          fix);
      return;
    }
    Releases.Holds validated = Releases.holds("loadValidation", release);
    out.atKey(
        INFO,
        m,
        "\"disableTLS\" is no longer a setting (renamed \"noVerifyTLS\" in 2020, removed in 3.31): Sourcegraph refuses to "
            + "save a config with it, and a SITE_CONFIG_FILE that has it "
            + (validated == Releases.Holds.YES
                ? "stops the frontend at start (validated at load since 4.1)"
                : validated == Releases.Holds.NO
                    ? "loads with the key ignored and TLS verified"
                    : "loads with the key ignored or, from 4.1, stops the frontend at start")
            + "; delete it",
        fix);
  }
}
