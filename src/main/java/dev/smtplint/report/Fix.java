package dev.smtplint.report;

import java.util.List;
import java.util.Locale;

/**
 * How to repair a finding: edits to the text of the file the finding is in, and whether applying
 * them certainly keeps the admin's intent ({@code SAFE}: {@code "plain"} → {@code "PLAIN"}) or
 * changes what is sent ({@code UNSAFE}: port 465 → 587). A fix never touches a username or
 * password.
 */
public record Fix(Safety safety, String description, List<Edit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }

  public enum Safety {
    SAFE,
    UNSAFE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Characters {@code [start, end)} of the decoded text (no BOM) become {@code replacement}. */
  public record Edit(int start, int end, String replacement) {
    public Edit {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("an edit runs forward from 0: " + start + ".." + end);
      }
    }
  }

  public static Fix safe(String description, List<Edit> edits) {
    return new Fix(Safety.SAFE, description, edits);
  }

  public static Fix unsafe(String description, List<Edit> edits) {
    return new Fix(Safety.UNSAFE, description, edits);
  }
}
