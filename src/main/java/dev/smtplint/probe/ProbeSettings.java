package dev.smtplint.probe;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the probe needs to talk to the server as Sourcegraph would: the email settings of one file
 * plus the command line's --to, --password-env, --timeout and --ca-file. {@code authRequired}: a
 * configured login fails where the server offers no AUTH, as Go's smtp.SendMail did in Sourcegraph
 * before 3.41 (today's sender goes on without logging in).
 */
public record ProbeSettings(
    String host,
    int port,
    String ehloName,
    String authentication,
    String username,
    Secret password,
    boolean passwordMayBeSent,
    boolean noVerifyTls,
    String from,
    List<String> to,
    Duration timeout,
    Optional<CaFile> caFile,
    String senderName,
    List<Header> headers,
    boolean authRequired,
    GoTls go,
    GoRoots roots) {

  public ProbeSettings {
    to = List.copyOf(to);
    headers = List.copyOf(headers);
  }

  /** One email.smtp.additionalHeaders entry, as written. */
  public record Header(String key, String value) {}

  /**
   * The command line's part. {@code password} is the one from the environment; it may go only to
   * {@code allowedHosts}, which come from the command line or the environment, never from a file.
   */
  public record Options(
      Optional<String> to,
      Optional<Secret> password,
      Duration timeout,
      Optional<CaFile> caFile,
      Set<String> allowedHosts) {
    public Options {
      allowedHosts =
          allowedHosts.stream()
              .map(ProbeSettings::canonicalHost)
              .collect(Collectors.toUnmodifiableSet());
    }
  }

  /** A host name as allow-lists compare it: lower case, without a trailing dot. */
  static String canonicalHost(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /**
   * The host as it is dialled and as the certificate is checked against: a fully qualified spelling
   * with a trailing dot ("smtp.acme.io.") resolves in Go and verifies as the name without it;
   * Java's resolver and SNIHostName refuse the dot, so it is dropped here.
   */
  public String dialHost() {
    return host.length() > 1 && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** Whether a message is sent (--to) or the probe stops after RCPT TO and resets. */
  public boolean sends() {
    return !to.isEmpty();
  }

  /**
   * Reads the settings as Sourcegraph reads them, from a site config whose static check found no
   * error in email.*.
   */
  public static ProbeSettings from(EmailSettings email, Options options) {
    return from(email, options, Release.NEWEST);
  }

  /**
   * What the judged release does that the probe must do too (SPEC §6, §9).
   *
   * @param sendsDomain it sends with its own client (3.41 and later): EHLO with email.smtp.domain,
   *     AUTH only where offered; before, it sent through jordan-wright/email: EHLO localhost
   * @param readsNoVerifyTls it reads email.smtp.noVerifyTLS (3.22 and later)
   * @param readsDisableTls it reads email.smtp.disableTLS (3.19 to 3.30)
   * @param go how its Go verifies the server after STARTTLS
   * @param roots the roots Go reads on this machine
   */
  public record Release(
      boolean sendsDomain,
      boolean readsNoVerifyTls,
      boolean readsDisableTls,
      GoTls go,
      GoRoots roots) {
    public static final Release NEWEST = new Release(true, true, false, GoTls.NEWEST, GoRoots.NONE);
  }

  /** As {@link #from(EmailSettings, Options, Release)} with only the sender's era named. */
  public static ProbeSettings from(EmailSettings email, Options options, boolean sendsDomain) {
    return from(email, options, new Release(sendsDomain, true, false, GoTls.NEWEST, GoRoots.NONE));
  }

  /**
   * {@code sendsDomain}: whether the judged release sends with its own client (3.41 and later):
   * EHLO with email.smtp.domain, AUTH only where offered. Before, it sent through
   * jordan-wright/email (Go's smtp.SendMail): EHLO localhost, and a configured login fails where no
   * AUTH is offered.
   */
  public static ProbeSettings from(EmailSettings email, Options options, Release release) {
    boolean sendsDomain = release.sendsDomain();
    if (email.smtp().isEmpty()) {
      throw new IllegalArgumentException("no email.smtp object");
    }
    String domain = email.smtpText("domain");
    String from = email.address().map(JsonValue.Str::value).orElse("");
    int port = email.portNumber().orElse(25);
    boolean noVerifyTls = release.readsNoVerifyTls() && isTrue(email, "noVerifyTLS");
    boolean disableTls = release.readsDisableTls() && isTrue(email, "disableTLS");
    boolean noVerify = noVerifyTls || disableTls;
    Secret password = options.password().orElse(new Secret(email.smtpText("password")));
    String host = email.smtpText("host");
    boolean mayBeSent =
        options.password().isEmpty() || options.allowedHosts().contains(canonicalHost(host));
    return new ProbeSettings(
        host,
        port,
        domain.isEmpty() || !sendsDomain ? "localhost" : domain,
        email.smtpText("authentication"),
        email.smtpText("username"),
        password,
        mayBeSent,
        noVerify,
        from,
        options.to().map(List::of).orElse(List.of()),
        options.timeout(),
        options.caFile(),
        email.senderName().map(JsonValue.Str::value).orElse(""),
        headers(email),
        // before 3.41 a login was required where configured, except on the STARTTLS path that
        // noVerifyTLS (or disableTLS) took: jordan-wright/email's SendWithStartTLS skips AUTH
        // silently where none is offered
        !sendsDomain && !noVerify,
        release.go(),
        release.roots());
  }

  private static boolean isTrue(EmailSettings email, String member) {
    return email
        .smtp()
        .flatMap(s -> s.get(member))
        .filter(v -> v instanceof JsonValue.Bool b && b.value())
        .isPresent();
  }

  /** The additionalHeaders entries whose key and value are strings (the schema requires both). */
  private static List<Header> headers(EmailSettings email) {
    List<Header> out = new ArrayList<>();
    for (JsonValue.Obj h : email.headers()) {
      if (h.get("key").orElse(null) instanceof JsonValue.Str k
          && h.get("value").orElse(null) instanceof JsonValue.Str v) {
        out.add(new Header(k.value(), v.value()));
      }
    }
    return out;
  }
}
