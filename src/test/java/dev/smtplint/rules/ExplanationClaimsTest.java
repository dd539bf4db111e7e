package dev.smtplint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtplint.report.RuleInfo;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The explanations hold to their sources (#30 item 12): every source names something one can open,
 * and the claims found wrong in the audit stay out.
 */
class ExplanationClaimsTest {
  /**
   * A source one can open: a path in Sourcegraph's or Go's tree, an RFC, a URL, an issue or a
   * provider's documentation by name, or smtplint's own catalogue or trust boundary.
   */
  private static final Pattern CITABLE =
      Pattern.compile(
          "internal/|schema/|src/net/|\\bGo\\b|RFC \\d+|https?://|#\\d+|documentation|help|smtplint's own"
              + "|jordan-wright/email|jsonx|message center|IANA");

  /** Claims the audit found false; each is a phrase of the text that said it. */
  private static final List<String> FALSE_CLAIMS =
      List.of(
          "both time out", // Sourcegraph's send has no deadline: it waits for EOF
          "m.From = conf.EmailAddress", // From is built from email.senderName and email.address
          "receivers reject or mangle", // unsupported; Go's own reader refuses the header
          "unsupported authentication mechanism", // no such error in Go's net/smtp
          "almost always works", // PLAIN where LOGIN is offered: Exchange Online answers 504
          "501 or 550", // helo: no source gave these codes
          "hangs until it times out", // no timeout before 5.6 but the operating system's
          "forged header", // names and values are encoded, not forged
          "silently never arrive"); // the reset flow says email is not configured

  @Test
  void everySourceNamesSomethingOneCanOpen() {
    for (RuleInfo r : Catalogue.infos()) {
      String source = r.explanation().source();
      assertTrue(CITABLE.matcher(source).find(), r.id() + " cites nothing one can open: " + source);
    }
  }

  @Test
  void aSourcegraphClaimNamesThePathOfTheCode() {
    for (RuleInfo r : Catalogue.infos()) {
      String source = r.explanation().source();
      if (source.startsWith("Sourcegraph internal") || source.contains("Sourcegraph's code")) {
        assertTrue(source.matches("(?s).*internal/[a-z]+.*"), r.id() + " names no path: " + source);
      }
    }
  }

  @Test
  void claimsFoundFalseStayOut() {
    for (RuleInfo r : Catalogue.infos()) {
      RuleInfo.Explanation e = r.explanation();
      String text = (r.summary() + " " + e.why() + " " + e.source()).toLowerCase(Locale.ROOT);
      for (String claim : FALSE_CLAIMS) {
        assertFalse(text.contains(claim.toLowerCase(Locale.ROOT)), r.id() + " says: " + claim);
      }
    }
  }

  @Test
  void aBehaviourThatChangedNamesTheReleaseOrChange() {
    // The changes the audit found, each held where it matters.
    assertTrue(why("probe-auth-not-offered").contains("smtp: server doesn't support AUTH"));
    assertTrue(why("redacted-value").contains("releases up to 3.37 redact neither"));
    assertTrue(why("redacted-value").contains("from 4.1"));
    assertTrue(why("provider-port-unsupported").contains("since 5.6 (sourcegraph#63759)"));
    assertTrue(why("implicit-tls-port").contains("sourcegraph#63759"));
    for (String id : List.of("invalid-json", "schema-violation", "deprecated-setting")) {
      assertTrue(why(id).contains("4.1"), id + " names the release where load validation began");
    }
  }

  private static String why(String id) {
    return Catalogue.info(id).explanation().why();
  }
}
