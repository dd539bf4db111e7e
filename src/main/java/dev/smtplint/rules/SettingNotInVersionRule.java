package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;
import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

/**
 * A setting the judged release's schema does not have yet: email.smtp is a closed object in every
 * release, and the site schema's root was closed until early 2023, so that release refuses the
 * config at save (and, since 4.1, a SITE_CONFIG_FILE with it stops the frontend). Facts:
 * releases.jsonc.
 */
final class SettingNotInVersionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "setting-not-in-version",
          ERROR,
          Group.FAILS,
          "A setting the judged Sourcegraph release does not have yet: its closed schema refuses the config.",
          new RuleInfo.Explanation(
              """
                  email.smtp is a closed object in every release, and the site schema's root was closed until early \
                  2023 (sourcegraph#45995): a member or an email.* key that the running release does not know is \
                  refused when the config is saved, and since 4.1 (sourcegraph#42989) a SITE_CONFIG_FILE with it stops \
                  the frontend at start. A config written for today's release can therefore be refused by the one \
                  that runs it: noVerifyTLS before 3.22, email.templates before 4.4. Where smtplint's table is not \
                  certain of the release a setting arrived in, the finding is a warning that says so.""",
              "// judged for Sourcegraph 3.21\n\"email.smtp\": { ..., \"noVerifyTLS\": true }",
              "// judged for Sourcegraph 3.21\n\"email.smtp\": { ..., \"disableTLS\": true }",
              """
                  Use the setting's name in that release (disableTLS before 3.22), leave it out until you upgrade, or \
                  judge for the release you run with --sourcegraph-version (or "sourcegraphVersion" in .smtplint.json).""",
              """
                  smtplint's table of releases (releases.jsonc): CHANGELOG 3.19.0 (sourcegraph#12243), 3.22.0 \
                  (sourcegraph#15682), 4.4.0 (sourcegraph#45671); sourcegraph#45995 (root open, January 2023); \
                  sourcegraph#42989 (4.1: validated at load)."""));

  /** The email.smtp members that arrived after the oldest release, each its fact's id. */
  private static final List<String> SMTP_MEMBERS =
      List.of("disableTLS", "noVerifyTLS", "additionalHeaders");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Optional<SourcegraphVersion> release = s.options().release();
    if (release.isPresent()) {
      refusedIn(s, out, release);
    }
  }

  /**
   * The check for a named release, apart: a run that names none (nearly every one) never compiles
   * it (a batch's C1 compiles every method called often enough, all of its bytes).
   */
  private static void refusedIn(
      EmailSettings s, Reporter out, Optional<SourcegraphVersion> release) {
    JsonValue.Obj smtp = s.smtp().orElse(null);
    if (smtp != null) {
      for (String m : SMTP_MEMBERS) {
        Optional<JsonValue.Member> member = smtp.member(m);
        if (member.isPresent()) {
          // email.smtp is closed in every release: an unknown member is always refused
          refuse(out, member.get(), "email.smtp." + m, m, release.get(), Releases.Holds.YES);
        }
      }
    }
    Releases.Holds closed = not(Releases.holds("openRoot", release));
    for (JsonValue.Member top : s.written().members()) {
      if (top.key().equals(EmailSettings.TEMPLATES)) {
        refuse(out, top, top.key(), "templates", release.get(), closed);
      } else if (top.key().equals(EmailSettings.SENDER_NAME)) {
        refuse(out, top, top.key(), "senderName", release.get(), closed);
      }
    }
  }

  static Releases.Holds not(Releases.Holds h) {
    return h == Releases.Holds.YES
        ? Releases.Holds.NO
        : h == Releases.Holds.NO ? Releases.Holds.YES : Releases.Holds.UNSURE;
  }

  /**
   * A finding where the release certainly (error) or perhaps (warning) lacks the setting and
   * refuses what it lacks ({@code closed}: whether the object that holds it is closed there).
   */
  private static void refuse(
      Reporter out,
      JsonValue.Member member,
      String name,
      String fact,
      SourcegraphVersion release,
      Releases.Holds closed) {
    Releases.Holds present = Releases.holds(fact, Optional.of(release));
    if (present == Releases.Holds.YES || closed == Releases.Holds.NO) {
      return; // in the release, or ignored there (setting-ignored-in-version)
    }
    boolean certain = present == Releases.Holds.NO && closed == Releases.Holds.YES;
    Releases.Fact f = Releases.fact(fact);
    out.atKey(
        INFO,
        certain ? ERROR : WARNING,
        member,
        "\""
            + name
            + "\" is not a setting of Sourcegraph "
            + release
            + (certain ? "" : " as far as smtplint's table can tell")
            + " (it arrived "
            + (f.maybeSince().isPresent() ? f.arrival() : "in " + f.arrival())
            + ": "
            + f.source()
            + "): that release refuses the config at save"
            + (release.atLeast(4, 1) ? ", and a SITE_CONFIG_FILE with it stops the frontend" : "")
            + "; leave it out, or judge for the release you run (--sourcegraph-version)");
  }
}
