package dev.smtplint.rules;

import static dev.smtplint.report.Severity.WARNING;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.SourcegraphVersion;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.Optional;

/**
 * A setting (or behaviour) the judged release accepts but ignores: email.smtp.domain before
 * Sourcegraph sent it in EHLO (3.41), email.senderName where the open root takes it but the sender
 * does not read it yet. Facts: releases.jsonc.
 */
final class SettingIgnoredInVersionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "setting-ignored-in-version",
          WARNING,
          Group.CORRECTNESS,
          "A setting the judged Sourcegraph release accepts but ignores (domain before 3.41).",
          new RuleInfo.Explanation(
              """
                  Some settings were accepted before the sender used them: email.smtp.domain was in the schema \
                  while Sourcegraph sent every message through jordan-wright/email's Send, which always says EHLO \
                  localhost, until 3.41 (sourcegraph#35943: the Google SMTP relay's 'EOF'); with the schema's root open \
                  (2023), an email.* key the release does not know yet is saved and not read. The config looks right \
                  and the setting does nothing.""",
              "// judged for Sourcegraph 3.40\n\"email.smtp\": { \"host\": \"smtp-relay.gmail.com\", \"domain\": \"sg.acme.io\", ... }",
              "// Sourcegraph 3.41 or later\n\"email.smtp\": { \"host\": \"smtp-relay.gmail.com\", \"domain\": \"sg.acme.io\", ... }",
              "Upgrade to the release that reads the setting, or do not rely on it.",
              """
                  smtplint's table of releases (releases.jsonc): CHANGELOG 3.41.0 (sourcegraph#35943, EHLO with \
                  email.smtp.domain); internal/conf EmailSenderName; sourcegraph#45995 (root open)."""));

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    Optional<SourcegraphVersion> release = s.options().release();
    if (release.isPresent()) {
      ignoredIn(s, out, release);
    }
  }

  /**
   * The check for a named release, apart: a run that names none (nearly every one) never compiles
   * it (a batch's C1 compiles every method called often enough, all of its bytes).
   */
  private static void ignoredIn(
      EmailSettings s, Reporter out, Optional<SourcegraphVersion> release) {
    JsonValue.Obj smtp = s.smtp().orElse(null);
    Optional<JsonValue.Member> disableTls =
        smtp == null ? Optional.empty() : smtp.member("disableTLS");
    if (disableTls.isPresent()
        && Releases.holds("disableTLS", release) == Releases.Holds.YES
        && Releases.holds("disableTLSSent", release) == Releases.Holds.NO) {
      out.atKey(
          INFO,
          disableTls.get(),
          "Sourcegraph "
              + release.get()
              + " saves \"disableTLS\" for alert email only (\"only compatible with observability.alerts"
              + " today\"): its own mail verifies certificates whatever this says, from 3.19 on it does not");
    }
    Optional<JsonValue.Member> domain = smtp == null ? Optional.empty() : smtp.member("domain");
    if (domain.isPresent() && Releases.holds("domainInEhlo", release) == Releases.Holds.NO) {
      out.atKey(
          INFO,
          domain.get(),
          "Sourcegraph "
              + release.get()
              + " ignores \"domain\": before 3.41 it sends through jordan-wright/email, which always says EHLO"
              + " localhost (sourcegraph#35943); a server that checks the EHLO name refuses it whatever this says");
    }
    if (Releases.holds("openRoot", release) != Releases.Holds.NO
        && Releases.holds("senderName", release) != Releases.Holds.YES) {
      for (JsonValue.Member top : s.written().members()) {
        if (top.key().equals(EmailSettings.SENDER_NAME)
            && Releases.holds("openRoot", release) == Releases.Holds.YES) {
          Releases.Fact f = Releases.fact("senderName");
          out.atKey(
              INFO,
              top,
              "Sourcegraph "
                  + release.get()
                  + " saves \"email.senderName\" but, as far as smtplint's table can tell, does not read it (it"
                  + " arrived "
                  + (f.maybeSince().isPresent() ? "" : "in ")
                  + f.arrival()
                  + ": "
                  + f.source()
                  + "): mail does not carry this name");
        }
      }
    }
  }
}
