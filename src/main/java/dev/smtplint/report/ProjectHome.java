package dev.smtplint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project's home page, as pom.xml's {@code <url>} names it (the build copies it in): the one
 * place.
 */
public final class ProjectHome {
  private ProjectHome() {}

  private static final class Holder {
    static final String URL = load();
  }

  public static String url() {
    return Holder.URL;
  }

  private static String load() {
    try (InputStream in = ProjectHome.class.getResourceAsStream("home.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
