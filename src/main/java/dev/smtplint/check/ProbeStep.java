package dev.smtplint.check;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.report.ProbeOutcome;

/**
 * The probe as the check sees it: given the email settings Sourcegraph would send with (merged,
 * every error-level finding absent), what the server did. The command line supplies it (the SMTP
 * probe, or an instance asked to send); the check decides whether it runs and places what it found.
 */
public interface ProbeStep {
  ProbeOutcome run(EmailSettings email);
}
