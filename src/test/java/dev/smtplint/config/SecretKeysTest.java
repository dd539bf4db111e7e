package dev.smtplint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretKeysTest {
  @Test
  void keysAreJudgedAlikeBeforeAndAfterTheMemoFills() {
    // Past the memo's bound, keys are judged without being remembered: the answers stay the same.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 3_000; i++) {
        assertEquals(SecretKeys.Kind.NONE, SecretKeys.kind("setting" + i));
      }
      assertEquals(SecretKeys.Kind.PASSWORD, SecretKeys.kind("SMTP_Password"));
      assertEquals(SecretKeys.Kind.PASSWORD, SecretKeys.kind("passwcrd"));
      assertEquals(SecretKeys.Kind.PASSWORD, SecretKeys.kind("pa\u017F\u017Fword"));
      assertEquals(SecretKeys.Kind.USERNAME, SecretKeys.kind("userName"));
      assertEquals(SecretKeys.Kind.USERNAME, SecretKeys.kind("usernmae"));
      assertEquals(SecretKeys.Kind.NONE, SecretKeys.kind("host"));
      assertEquals(SecretKeys.Kind.NONE, SecretKeys.kind("p".repeat(41) + "password"));
    }
  }
}
