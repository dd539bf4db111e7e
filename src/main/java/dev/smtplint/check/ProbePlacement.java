package dev.smtplint.check;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.config.Position;
import dev.smtplint.report.Location;
import java.util.Optional;

/**
 * Where a probe finding goes: the probe names a setting as Sourcegraph reads it ({@code
 * /email.smtp/host}); this finds the value in the judged tree (which may spell the key {@code
 * email.SMTP}, or take it from the second file of a merge) and so the file, line and column. A
 * setting that is absent (an unset domain) is placed at the key of email.smtp.
 */
final class ProbePlacement {
  private final Linter.Judged judged;
  private final Optional<EmailSettings> email;

  ProbePlacement(Linter.Judged judged) {
    this.judged = judged;
    this.email = judged.root().map(EmailSettings::of);
  }

  /** The file that supplied email.smtp: the probe's stages are shown there. */
  String smtpFile() {
    return email
        .flatMap(EmailSettings::smtpMember)
        .map(m -> fileOf(m.value().pointer()))
        .orElse(judged.results().get(0).path());
  }

  Location locate(String pointer) {
    Optional<JsonValue> value =
        email.flatMap(e -> pointer.isEmpty() ? Optional.empty() : JsonValue.at(e.root(), pointer));
    if (value.isPresent()) {
      return Location.of(
          fileOf(value.get().pointer()),
          value.get().position(),
          value.get().end(),
          value.get().pointer());
    }
    Optional<JsonValue.Member> smtp = email.flatMap(EmailSettings::smtpMember);
    String at = smtp.map(m -> m.value().pointer()).orElse(EmailSettings.SMTP_POINTER);
    return Location.of(
        fileOf(at),
        smtp.map(JsonValue.Member::keyPosition).orElse(Position.START),
        pointer.isEmpty() ? at : pointer);
  }

  private String fileOf(String pointer) {
    return judged.ownership().path(pointer);
  }
}
