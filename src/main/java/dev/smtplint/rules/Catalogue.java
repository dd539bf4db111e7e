package dev.smtplint.rules;

import dev.smtplint.report.ProbeCheck;
import dev.smtplint.report.RuleInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule smtplint has, in the order of SPEC §7; {@code rules}, {@code explain}, SARIF and docs
 * read it.
 */
public final class Catalogue {
  private static final List<Rule> RULES;

  static {
    List<Rule> rules =
        new ArrayList<>(
            List.of(
                new InvalidJsonRule(),
                new InvalidEncodingRule(),
                new DuplicateKeyRule(),
                new SchemaViolationRule(),
                new UnknownRuleRule(),
                new SmtpWithoutFromRule(),
                new FromWithoutSmtpRule(),
                new AuthUnknownRule(),
                new AuthMissingRule(),
                new CredentialsMissingRule(),
                new CredentialsIgnoredRule(),
                new ImplicitTlsPortRule(),
                new PlaceholderValueRule(),
                new RedactedValueRule(),
                new HostInvalidRule(),
                new FromAddressInvalidRule(),
                new HeaderInvalidRule(),
                new HeaderInjectionRule(),
                new UnexpandedVariableRule(),
                new SiteConfigFileUnmountedRule(),
                new SettingNotInVersionRule(),
                new TlsVerificationDisabledRule(),
                new Port25SubmissionRule(),
                new PasswordInFileRule(),
                new SecretInConfigmapRule(),
                new HeloDomainInvalidRule(),
                new ExampleDomainRule(),
                new PortNonstandardRule(),
                new DeprecatedSettingRule(),
                new TemplateInvalidRule(),
                new TemplateVariableUnknownRule(),
                new HeaderOverrideRule(),
                new NumberNotIntegerRule(),
                new SettingCaseRule(),
                new UnknownSettingRule(),
                new SiteConfigFileSplitRule(),
                new SettingIgnoredInVersionRule(),
                new SesVerifiedSenderRule(),
                new SesEndpointInvalidRule(),
                new SesCredentialsFormatRule(),
                new ProviderAuthUnsupportedRule(),
                new ProviderPortUnsupportedRule(),
                new GmailSenderMismatchRule(),
                new GmailRelayDomainMissingRule(),
                new SendgridUsernameRule(),
                new Office365BasicAuthRule()));
    rules.addAll(ProbeRules.ALL);
    RULES = Collections.unmodifiableList(rules);
  }

  private Catalogue() {}

  public static List<Rule> rules() {
    return RULES;
  }

  public static List<RuleInfo> infos() {
    return ById.INFOS;
  }

  public static Optional<RuleInfo> find(String id) {
    return Optional.ofNullable(ById.ALL.get(id));
  }

  /** Each rule's description by id, built once (a lookup per finding and per suppression). */
  private static final class ById {
    static final List<RuleInfo> INFOS;
    static final Map<String, RuleInfo> ALL = new HashMap<>();

    static {
      List<RuleInfo> infos = new ArrayList<>();
      for (Rule r : RULES) {
        infos.add(r.info());
        ALL.putIfAbsent(r.info().id(), r.info());
      }
      INFOS = List.copyOf(infos);
    }
  }

  public static boolean exists(String id) {
    return find(id).isPresent();
  }

  /** Ids of the rules smtplint itself reports outside the rule classes. */
  public static final String INVALID_JSON = InvalidJsonRule.INFO.id();

  public static final String INVALID_ENCODING = InvalidEncodingRule.INFO.id();
  public static final String REDACTED_VALUE = RedactedValueRule.INFO.id();
  public static final String UNEXPANDED_VARIABLE = UnexpandedVariableRule.INFO.id();
  public static final String DUPLICATE_KEY = DuplicateKeyRule.INFO.id();
  public static final String SCHEMA_VIOLATION = SchemaViolationRule.INFO.id();
  public static final String UNKNOWN_RULE = UnknownRuleRule.INFO.id();
  public static final String FROM_WITHOUT_SMTP = FromWithoutSmtpRule.INFO.id();
  public static final String SMTP_WITHOUT_FROM = SmtpWithoutFromRule.INFO.id();
  public static final String SITE_CONFIG_FILE_UNMOUNTED = SiteConfigFileUnmountedRule.INFO.id();
  public static final String SITE_CONFIG_FILE_SPLIT = SiteConfigFileSplitRule.INFO.id();
  public static final String SECRET_IN_CONFIGMAP = SecretInConfigmapRule.INFO.id();

  /** What a user reads about a probe finding. */
  public static RuleInfo info(ProbeCheck check) {
    return ProbeRules.info(check);
  }

  public static RuleInfo info(String id) {
    RuleInfo info = ById.ALL.get(id);
    if (info == null) {
      throw new IllegalArgumentException("no rule " + id);
    }
    return info;
  }
}
