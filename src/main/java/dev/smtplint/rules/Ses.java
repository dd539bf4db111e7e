package dev.smtplint.rules;

import dev.smtplint.config.Suggestions;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amazon SES endpoint facts: which host names are SMTP endpoints, and in which region. */
final class Ses {
  /**
   * AWS regions with an SES SMTP endpoint, per the "Amazon SES endpoints and quotas" page of the AWS
   * General Reference (email-smtp.REGION.amazonaws.com).
   */
  static final Set<String> REGIONS = Set.of(
      "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-south-1", "ap-south-2",
      "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
      "ap-southeast-3", "ap-southeast-5", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
      "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
      "me-south-1", "me-central-1", "sa-east-1", "us-gov-east-1", "us-gov-west-1");

  private static final Pattern SMTP = Pattern.compile("^email-smtp(-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com$");
  private static final Pattern API = Pattern.compile("^email(-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com$");

  private Ses() {}

  /** A host that someone meant as SES: an amazonaws.com name mentioning email, smtp or ses. */
  static boolean looksLikeSes(String host) {
    String h = Hosts.normalise(host);
    return h.endsWith(".amazonaws.com") && (h.contains("email") || h.contains("smtp") || h.contains("ses"));
  }

  /** The region of a real SES SMTP endpoint. */
  static Optional<String> region(String host) {
    Matcher m = SMTP.matcher(Hosts.normalise(host));
    return m.matches() && REGIONS.contains(m.group(2)) ? Optional.of(m.group(2)) : Optional.empty();
  }

  /** Why an SES-like host is not an SMTP endpoint, with the host to write instead. */
  static Optional<String> problem(String host) {
    String h = Hosts.normalise(host);
    if (!looksLikeSes(h) || region(h).isPresent()) {
      return Optional.empty();
    }
    Matcher api = API.matcher(h);
    if (api.matches()) {
      return Optional.of("\"" + host + "\" is the SES API endpoint, not SMTP: write \"email-smtp." + api.group(2)
          + ".amazonaws.com\"");
    }
    Matcher smtp = SMTP.matcher(h);
    if (smtp.matches()) {
      String fips = smtp.group(1) == null ? "" : smtp.group(1);
      return Optional.of("\"" + smtp.group(2) + "\" is not an AWS region with an SES SMTP endpoint"
          + Suggestions.closest(smtp.group(2), REGIONS)
              .map(region -> ": did you mean \"email-smtp" + fips + "." + region + ".amazonaws.com\"?")
              .orElse("; use email-smtp.REGION.amazonaws.com with your SES region"));
    }
    return Optional.of("\"" + host + "\" is not an SES SMTP endpoint; they are named email-smtp.REGION.amazonaws.com "
        + "(for example email-smtp.us-east-1.amazonaws.com)");
  }
}
