package dev.smtplint.rules;

import dev.smtplint.config.Suggestions;
import java.util.Optional;

/** Amazon SES endpoint judgements, from the provider table's "amazon-ses" entry. */
final class Ses {
  private static final class Entry {
    static final Provider SES = find();

    private static Provider find() {
      for (Provider p : Provider.all()) {
        if (p.id().equals("amazon-ses")) {
          return p;
        }
      }
      throw new IllegalStateException("providers.jsonc lacks amazon-ses");
    }
  }

  private Ses() {}

  private static final Memo<Optional<String>> REGION =
      new Memo<>() {
        @Override
        Optional<String> compute(String host) {
          return Entry.SES.region(host);
        }
      };

  private static final Memo<Optional<Problem>> PROBLEM =
      new Memo<>() {
        @Override
        Optional<Problem> compute(String host) {
          return judge(host);
        }
      };

  /** The region of a real SES SMTP endpoint. */
  static Optional<String> region(String host) {
    return REGION.get(host);
  }

  /**
   * What is wrong with a host meant as SES, and the SMTP endpoint it should be, where one is clear.
   */
  record Problem(String message, Optional<String> endpoint) {}

  /** Why a host meant as SES is not an SMTP endpoint, with the host to write instead. */
  static Optional<Problem> problem(String host) {
    return PROBLEM.get(host);
  }

  private static Optional<Problem> judge(String host) {
    String h = Hosts.normalise(host);
    Provider ses = Entry.SES;
    boolean meant =
        ses.lookalike().isPresent() && ses.lookalike().get().matches(h) && h.length() <= 253;
    if (!meant || region(h).isPresent()) {
      return Optional.empty();
    }
    String api = ses.apiHost().isPresent() ? ses.apiHost().get().matched(h) : null;
    if (api != null) {
      String endpoint = "email-smtp." + api + ".amazonaws.com";
      return Optional.of(
          new Problem(
              "\"" + host + "\" is the SES API endpoint, not SMTP: write \"" + endpoint + "\"",
              region(endpoint).isPresent() ? Optional.of(endpoint) : Optional.empty()));
    }
    String smtp = ses.host().matched(h);
    if (smtp != null) {
      String fips = h.startsWith("email-smtp-fips.") ? "-fips" : "";
      String region = Suggestions.closest(smtp, ses.regions()).orElse(null);
      String endpoint =
          region == null ? null : "email-smtp" + fips + "." + region + ".amazonaws.com";
      return Optional.of(
          new Problem(
              "\""
                  + smtp
                  + "\" is not an AWS region with an SES SMTP endpoint"
                  + (endpoint != null
                      ? ": did you mean \"" + endpoint + "\"?"
                      : "; use email-smtp.REGION.amazonaws.com with your SES region"),
              Optional.ofNullable(endpoint)));
    }
    return Optional.of(
        new Problem(
            "\""
                + host
                + "\" is not an SES SMTP endpoint; they are named email-smtp.REGION.amazonaws.com "
                + "(for example email-smtp.us-east-1.amazonaws.com)",
            Optional.empty()));
  }
}
