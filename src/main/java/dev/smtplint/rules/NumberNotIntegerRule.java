package dev.smtplint.rules;

import static dev.smtplint.report.Severity.ERROR;

import dev.smtplint.config.EmailSettings;
import dev.smtplint.config.JsonValue;
import dev.smtplint.report.Fix;
import dev.smtplint.report.Group;
import dev.smtplint.report.RuleInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

final class NumberNotIntegerRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
              "number-not-integer",
              ERROR,
              Group.CORRECTNESS,
              "An integer setting (port) is written as 587.0, 1e3 or 5.87e2, which Go cannot decode into an int.",
              new RuleInfo.Explanation(
                  """
                      JSON Schema's "integer" accepts 587.0, so the schema check passes; but Sourcegraph then decodes the config \
                      into Go structs, and encoding/json refuses a fraction or an exponent for an int field ("json: cannot \
                      unmarshal number 587.0 into Go struct field SMTPServerConfig.email.smtp.port of type int"), so \
                      Sourcegraph can neither load nor save the config. Tools that write every number as a float produce this.""",
                  "\"port\": 587.0",
                  "\"port\": 587",
                  "Write the port as digits only.",
                  "Go encoding/json (literalStore: strconv.ParseInt on the literal for int fields); Sourcegraph schema.SMTPServerConfig.Port is an int."))
          .fixes(
              Fix.Safety.SAFE, "writes the same whole number in digits (587.0 → 587, 1e3 → 1000)");

  public RuleInfo info() {
    return INFO;
  }

  public void check(EmailSettings s, Reporter out) {
    if (s.smtpValue("port").orElse(null) instanceof JsonValue.Num p && !p.isIntegerLiteral()) {
      report(p, out);
    }
  }

  private static void report(JsonValue.Num p, Reporter out) {
    Optional<Fix> fix =
        fixable(p)
            ? Optional.of(
                Fix.safe(
                    "write " + p.decimal().toBigInteger(),
                    List.of(Edits.replace(p, p.decimal().toBigInteger().toString()))))
            : Optional.empty();
    out.at(
        INFO,
        p,
        "port is written as "
            + shortened(p.text())
            + ", which Go cannot decode into an "
            + "int: Sourcegraph can neither load nor save the config; write it as digits only"
            + (fixable(p) ? " (" + p.decimal().toBigInteger() + ")" : ""),
        fix);
  }

  /** Safe: the same whole number, within the ports' range, in digits. */
  private static boolean fixable(JsonValue.Num p) {
    return p.isIntegral() && p.decimal().abs().compareTo(BigDecimal.valueOf(65535)) <= 0;
  }

  private static String shortened(String literal) {
    return literal.length() <= 24 ? literal : literal.substring(0, 20) + "…";
  }
}
