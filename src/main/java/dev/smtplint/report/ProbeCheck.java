package dev.smtplint.report;

/**
 * The probe's findings, one per way a step can fail: the probe reports them, the rule catalogue
 * explains them, and both name them through this type, so a misspelt id does not compile.
 */
public enum ProbeCheck {
  RESOLVE("probe-resolve"),
  CONNECT("probe-connect"),
  BANNER("probe-banner"),
  EHLO("probe-ehlo"),
  STARTTLS("probe-starttls"),
  TLS_CERTIFICATE("probe-tls-certificate"),
  AUTH_MECHANISM("probe-auth-mechanism"),
  AUTH_REJECTED("probe-auth-rejected"),
  PLAINTEXT_AUTH("probe-plaintext-auth"),
  SENDER_REJECTED("probe-sender-rejected"),
  RECIPIENT_REJECTED("probe-recipient-rejected"),
  DATA_REJECTED("probe-data-rejected"),
  TIMEOUT("probe-timeout"),
  AUTH_NOT_OFFERED("probe-auth-not-offered"),
  HOST_NOT_ALLOWED("probe-host-not-allowed"),
  NOT_RUN("probe-not-run"),
  EXTENSION_CASE("probe-extension-case");

  private final String id;

  ProbeCheck(String id) {
    this.id = id;
  }

  /** The rule id users see. */
  public String id() {
    return id;
  }
}
