package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Optional;

final class HostInvalidRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "host-invalid",
              ERROR,
              Group.FAILS,
              "host has a scheme (smtp://), a port (:587), a path, spaces, or is empty.",
              new RuleInfo.Explanation(
                  """
                      Sourcegraph joins host and port itself (net.JoinHostPort), which brackets a host with a colon: \
                      "mail.acme.io:587" becomes "[mail.acme.io:587]:587" ("smtp://mail.acme.io" likewise), and the \
                      dial then looks up the whole host text as a name, which no resolver knows: the send fails with \
                      'no such host'.""",
                  "\"host\": \"smtp://smtp.acme.io:587\"",
                  "\"host\": \"smtp.acme.io\",\n\"port\": 587",
                  "Write the bare host name (or IP address) in \"host\" and the port number in \"port\".",
                  "Sourcegraph internal/txemail: net.JoinHostPort(conf.EmailSmtp.Host, strconv.Itoa(conf.EmailSmtp.Port))."))
          .fixes(
              Fix.Safety.SAFE,
              "writes the bare host name (smtp://host:587/ or \" host \" → host) when what remains is a valid host");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    JsonValue.Str h = s.smtpString("host").orElse(null);
    Optional<String> problem = h == null ? Optional.empty() : problem(h.value());
    if (problem.isPresent()) {
      out.at(INFO, h, problem.get(), fix(h));
    }
  }

  /**
   * Safe: the host name written with a scheme, a port, a path or spaces around it, where what
   * remains is a valid host (the port field is Sourcegraph's port either way).
   */
  static Optional<Fix> fix(JsonValue.Str h) {
    String bare = h.value().strip();
    int scheme = bare.indexOf("://");
    bare = scheme >= 0 ? bare.substring(scheme + 3) : bare;
    if (scheme >= 0 && credentialsEnd(bare) >= 0) {
      return Optional
          .empty(); // the fix would drop the credentials the value holds: the user moves them
    }
    int slash = bare.indexOf('/');
    bare = slash >= 0 ? bare.substring(0, slash) : bare;
    int portColon = Matchers.hostWithPort(bare);
    bare = portColon >= 0 ? bare.substring(0, portColon) : bare;
    String host = bare;
    if (host.isEmpty() || host.equals(h.value()) || problem(host).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        Fix.safe("write \"" + host + "\"", List.of(Edits.replace(h, Edits.quoted(host)))));
  }

  /** Where a URL's userinfo ends ("bob:pw@host": at the "@"), or -1 when it has none. */
  static int credentialsEnd(String afterScheme) {
    for (int i = 0; i < afterScheme.length() && afterScheme.charAt(i) != '/'; i++) {
      if (afterScheme.charAt(i) == '@') {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final Memo<Optional<String>> PROBLEM =
      new Memo<>() {
        @Override
        Optional<String> compute(String host) {
          return judge(host);
        }
      };

  /** What is wrong with a host name as Sourcegraph would use it, if anything. */
  static Optional<String> problem(String host) {
    return PROBLEM.get(host);
  }

  private static Optional<String> judge(String host) {
    if (host.isEmpty()) {
      return Optional.of(
          "\"email.smtp.host\" is empty: Sourcegraph has nothing to connect to; set the SMTP server's host name");
    }
    if (host.contains("://")) {
      String rest = host.substring(host.indexOf("://") + 3);
      int at = credentialsEnd(rest);
      if (at >= 0) {
        // The credentials in the URL are never quoted (SPEC §10), and never offered as the host.
        rest = rest.substring(at + 1);
        host = host.substring(0, host.indexOf("://") + 3) + "(credentials)@" + rest;
      }
      int cut = 0;
      while (cut < rest.length() && rest.charAt(cut) != ':' && rest.charAt(cut) != '/') {
        cut++;
      }
      String bare = rest.substring(0, cut);
      return Optional.of(
          "host \""
              + host
              + "\" has a scheme; Sourcegraph wants the bare host name: write \""
              + bare
              + "\"");
    }
    int portColon = Matchers.hostWithPort(host);
    if (portColon >= 0) {
      return Optional.of(
          "host \""
              + host
              + "\" includes a port; Sourcegraph adds \"port\" itself: write \""
              + host.substring(0, portColon)
              + "\" and \"port\": "
              + Matchers.portAfter(host, portColon));
    }
    if (hasWhitespace(host)) {
      return Optional.of("host \"" + host.strip() + "\" contains white space: remove it");
    }
    if (host.contains("/")) {
      return Optional.of("host \"" + host + "\" contains a path: write only the host name");
    }
    if (!Hosts.isValidHost(host)) {
      return Optional.of("host \"" + host + "\" is not a valid host name or IP address");
    }
    return Optional.empty();
  }
}
