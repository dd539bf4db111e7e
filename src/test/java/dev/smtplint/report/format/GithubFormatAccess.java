package dev.smtplint.report.format;

/** Lets tests in other packages reach the GitHub escaping functions. */
public final class GithubFormatAccess {
  private GithubFormatAccess() {}

  public static String data(String text) {
    return GithubFormat.data(text);
  }

  public static String property(String text) {
    return GithubFormat.property(text);
  }
}
