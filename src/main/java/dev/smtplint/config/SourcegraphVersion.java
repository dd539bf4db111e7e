package dev.smtplint.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sourcegraph release, as {@code --sourcegraph-version}, {@code sourcegraphVersion}, an
 * instance's productVersion or a frontend image tag name it: {@code 5.2}, {@code 5.2.1}, {@code
 * v5.2.1}, {@code 5.2.1@sha256:…}, {@code 5.11.4-rc.1}, {@code 231106_2023-11-06_5.2-4f5b0d8a3c3e}
 * (an insiders build: not a release, so none).
 */
public record SourcegraphVersion(int major, int minor, int patch)
    implements Comparable<SourcegraphVersion> {
  private static final Pattern RELEASE =
      Pattern.compile("v?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?(?:[-+][0-9A-Za-z.-]*)?(?:@.*)?");

  /** A release named as a version, or none (a branch name, an insiders build, a word). */
  public static Optional<SourcegraphVersion> parse(String text) {
    Matcher m = RELEASE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SourcegraphVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
  }

  /**
   * The release an image reference names, by its tag: {@code index.docker.io/sourcegraph/
   * frontend:5.11.4@sha256:…} is 5.11.4; a reference with a digest and no tag names none.
   */
  public static Optional<SourcegraphVersion> ofImage(String image) {
    String ref = image.strip();
    int at = ref.indexOf('@');
    String named = at < 0 ? ref : ref.substring(0, at);
    int slash = named.lastIndexOf('/');
    int colon = named.lastIndexOf(':');
    return colon > slash ? parse(named.substring(colon + 1)) : Optional.empty();
  }

  public boolean atLeast(int major, int minor) {
    return compareTo(new SourcegraphVersion(major, minor, 0)) >= 0;
  }

  @Override
  public int compareTo(SourcegraphVersion o) {
    int c = Integer.compare(major, o.major);
    c = c != 0 ? c : Integer.compare(minor, o.minor);
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  /** "5.2" or "5.2.1". */
  @Override
  public String toString() {
    return major + "." + minor + (patch == 0 ? "" : "." + patch);
  }
}
