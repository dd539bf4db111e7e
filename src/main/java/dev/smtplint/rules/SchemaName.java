package dev.smtplint.rules;

/** How a user names a setting in a message: "email.smtp.host" for /email.smtp/host. */
final class SchemaName {
  private SchemaName() {}

  static String of(String pointer) {
    StringBuilder out = new StringBuilder("\"");
    String[] tokens = pointer.substring(1).split("/", -1);
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i].replace("~1", "/").replace("~0", "~");
      if (token.matches("\\d+") && i > 0) {
        out.append('[').append(token).append(']');
      } else {
        out.append(i == 0 ? "" : ".").append(token);
      }
    }
    return out.append('"').toString();
  }
}
