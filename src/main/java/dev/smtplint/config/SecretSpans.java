package dev.smtplint.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a source text that no output may show (SPEC §10), the one place that decides them:
 * the value of every key that names a password or a username in any spelling ({@link SecretKeys}:
 * Go's case folding, close misspellings), whole even when it is an array or an object; every other
 * occurrence of a password's text in the file, comments included; the credentials in a URL's
 * userinfo ({@code smtp://user:pw@host}); every {@code additionalHeaders} value marked {@code
 * sensitive}; every string inside {@code email.smtp} but host, authentication and domain; and, in a
 * file that does not parse, every token that is not a known setting name, a number, a literal or
 * punctuation. Found by a scan of the text, not of the parsed tree, so that a file that does not
 * parse is masked too: from the key, past any comments and the colon, to the end of the value as
 * written (escapes and all), or to the end of the line when the value is not a complete string.
 * Outputs mask these spans by position; no message quotes a secret. Linear in the text.
 */
public final class SecretSpans {
  /**
   * A password shorter than this is masked where it stands, not searched for elsewhere (it would
   * mask every "ab").
   */
  private static final int MIN_SEARCHED = 3;

  private SecretSpans() {}

  public static List<Span> of(SourceFile source, Optional<JsonValue> root) {
    return scan(source, root).spans();
  }

  /**
   * The spans no output may show; {@code secrets}, those of them that hold a credential (no fix may
   * edit them: the rest are only hidden, as a port written as a string inside email.smtp); and the
   * texts of the passwords (as written and with their escapes undone), which a file that holds this
   * config (a YAML manifest) masks wherever they stand in it.
   */
  public record Scan(List<Span> spans, List<Span> secrets, List<String> passwords) {}

  public static Scan scan(SourceFile source, Optional<JsonValue> root) {
    return later(source, root).scan();
  }

  /**
   * The scan, its text's part done when first asked for: a report that shows no line of a file (a
   * batch's JSON or SARIF) and a file with no fix to check never pay for it (a tenth of a batch's
   * time). The tree's part is taken now, so that the tree is not kept.
   */
  public static Later later(SourceFile source, Optional<JsonValue> root) {
    List<Span> fromTree = new ArrayList<>();
    List<Span> hidden = new ArrayList<>();
    if (root.isPresent()) {
      sensitiveHeaders(root.get(), fromTree);
      smtpStrings(root.get(), fromTree, hidden);
    }
    return new Later(source, root.isEmpty(), fromTree, hidden);
  }

  /**
   * A file's masks as a list (sorted and joined, as {@link Span#ordered} makes them), scanned on
   * first use; {@link #scan()} gives the whole scan. Thread-safe.
   */
  public static final class Later extends java.util.AbstractList<Span>
      implements java.util.RandomAccess {
    private final SourceFile source;
    private final boolean unparsed;
    private final List<Span> fromTree;
    private final List<Span> hiddenFromTree;
    private Scan scan;

    private Later(
        SourceFile source, boolean unparsed, List<Span> fromTree, List<Span> hiddenFromTree) {
      this.source = source;
      this.unparsed = unparsed;
      this.fromTree = fromTree;
      this.hiddenFromTree = hiddenFromTree;
    }

    public synchronized Scan scan() {
      if (scan == null) {
        scan = SecretSpans.scan(source, unparsed, fromTree, hiddenFromTree);
      }
      return scan;
    }

    @Override
    public Span get(int index) {
      return scan().spans().get(index);
    }

    @Override
    public int size() {
      return scan().spans().size();
    }
  }

  private static Scan scan(
      SourceFile source, boolean unparsed, List<Span> fromTree, List<Span> hiddenFromTree) {
    // One copy of the text as an array: the scans below index it (a String.charAt per character was
    // most of their cost while a batch's first files run interpreted).
    char[] text = source.text().toCharArray();
    List<Span> passwords = new ArrayList<>();
    List<Span> comments = new ArrayList<>();
    List<Span> out = new ArrayList<>(SecretTokens.lexical(text, unparsed, passwords, comments));
    out.addAll(SecretTokens.byWord(text, passwords));
    out.addAll(fromTree);
    List<Span> hidden = new ArrayList<>(hiddenFromTree);
    List<String> forms = passwords.isEmpty() ? List.of() : forms(source.text(), passwords);
    if (!forms.isEmpty()) {
      elsewhere(source.text(), forms, out);
    }
    List<Span> secrets = Span.ordered(out);
    if (!comments.isEmpty() && !secrets.isEmpty()) {
      commentsBeside(text, comments, secrets, hidden);
    }
    if (hidden.isEmpty()) {
      return new Scan(secrets, secrets, forms);
    }
    hidden.addAll(secrets);
    return new Scan(Span.ordered(hidden), secrets, forms);
  }

  /**
   * The text of every comment (as the lexical scan found them, in order) on a line that holds a
   * secret ("the old one was …" beside a password a mutation or a typo changed): linear, the line's
   * bounds found by pointers that only move forward, each comment looked up among the sorted
   * secrets.
   */
  private static void commentsBeside(
      char[] text, List<Span> comments, List<Span> secrets, List<Span> out) {
    int scanned = 0;
    int from = 0;
    int to = -1;
    for (Span c : comments) {
      for (; scanned < c.start(); scanned++) {
        if (text[scanned] == '\n') {
          from = scanned + 1;
        }
      }
      int last = Math.max(c.start(), c.end() - 1);
      to = to >= last ? to : SecretTokens.lineEnd(text, last); // the same line's end is found once
      if (c.end() > c.start() + 2 && Span.anyWithin(secrets, from, to)) {
        out.add(new Span(c.start() + 2, c.end()));
      }
    }
  }

  private static final String SMTP = "email.smtp";

  /**
   * Members as Sourcegraph's docs write them whose strings the lexical scan settles: shown (host,
   * authentication, domain) or masked (username, password).
   */
  private static final java.util.Set<String> SHOWN_OR_MASKED =
      java.util.Set.of("host", "authentication", "domain", "username", "password");

  /**
   * Every string inside email.smtp (any key Go's decoder folds to it) except host, authentication
   * and domain: a misspelt key ("passwcrd", "pa55word") still holds the password the admin typed.
   * Those of members Sourcegraph reads (a port written as a string) are only hidden; those of any
   * other member are credentials no fix may edit.
   */
  private static void smtpStrings(JsonValue root, List<Span> secrets, List<Span> hidden) {
    if (!(root instanceof JsonValue.Obj o)) {
      return;
    }
    for (JsonValue.Member m : o.members()) {
      if (m.value() instanceof JsonValue.Obj smtp
          && m.key().length() == SMTP.length()
          && EmailSettings.goFold(m.key()).equals(SMTP)) {
        for (JsonValue.Member field : smtp.members()) {
          JsonValue v = field.value();
          if (!(v instanceof JsonValue.Str
                  || v instanceof JsonValue.Obj
                  || v instanceof JsonValue.Arr)
              || SHOWN_OR_MASKED.contains(field.key())) {
            continue; // a number or a literal; or written exactly as a member the scan settled
          }
          // the member Go decodes it into, if any (its case folding)
          String member = EmailSettings.smtpField(field.key()).orElse("");
          if (SHOWN_OR_MASKED.contains(member)) {
            continue; // shown; or masked by the lexical scan, which searches for a password's text
          }
          // a member Sourcegraph does not read may be a misspelt credential: no fix edits it (its
          // text is searched for elsewhere where the key is spelt like one: SecretKeys)
          strings(v, member.isEmpty() ? secrets : hidden);
        }
      }
    }
  }

  /**
   * Every string of a value, at any depth (a loop, not recursion: a value may nest 10,000 deep).
   */
  private static void strings(JsonValue value, List<Span> out) {
    if (value instanceof JsonValue.Str s) {
      out.add(s.span());
      return;
    }
    java.util.ArrayDeque<JsonValue> todo = new java.util.ArrayDeque<>();
    todo.push(value);
    while (!todo.isEmpty()) {
      JsonValue v = todo.pop();
      if (v instanceof JsonValue.Str s) {
        out.add(s.span());
      } else if (v instanceof JsonValue.Obj o) {
        for (JsonValue.Member m : o.members()) {
          todo.push(m.value());
        }
      } else if (v instanceof JsonValue.Arr a) {
        for (JsonValue item : a.items()) {
          todo.push(item);
        }
      }
    }
  }

  /**
   * At most this many distinct password texts are searched for elsewhere: each search reads the
   * whole text, and only a hostile file holds more (its passwords are still masked where they
   * stand).
   */
  public static final int MAX_SEARCHED = 64;

  /** The password texts to search for: as written and with escapes undone, each once. */
  private static List<String> forms(String text, List<Span> passwords) {
    List<String> searched = new ArrayList<>();
    for (Span p : passwords) {
      String raw = text.substring(p.start(), p.end());
      boolean quoted =
          raw.length() >= 2
              && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
              && raw.charAt(raw.length() - 1) == raw.charAt(0);
      String inner = quoted ? raw.substring(1, raw.length() - 1) : raw.strip();
      for (String form :
          List.of(
              inner,
              inner.indexOf('\\') >= 0
                  ? SecretTokens.decode(inner.toCharArray(), 0, inner.length())
                  : inner)) {
        if (form.length() >= MIN_SEARCHED
            && searched.size() < MAX_SEARCHED
            && !searched.contains(form)) {
          searched.add(form);
        }
      }
    }
    return searched;
  }

  /** Every other place a password's text stands. */
  public static void elsewhere(String text, List<String> searched, List<Span> out) {
    if (searched.size() <= FEW) {
      for (String form : searched) {
        for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
          out.add(new Span(at, at + form.length()));
        }
      }
      return;
    }
    // Many texts (a manifest's Secrets): one pass over the text, each place's first three
    // characters looked up in a table of the texts by theirs, instead of a pass per text.
    int size = Integer.highestOneBit(searched.size() * 4 - 1) << 1;
    int[] head = new int[size];
    int[] next = new int[searched.size()];
    java.util.Arrays.fill(head, -1);
    for (int f = 0; f < searched.size(); f++) {
      int slot = hash3(searched.get(f), 0) & (size - 1);
      next[f] = head[slot];
      head[slot] = f;
    }
    for (int at = 0; at + MIN_SEARCHED <= text.length(); at++) {
      for (int f = head[hash3(text, at) & (size - 1)]; f >= 0; f = next[f]) {
        String form = searched.get(f);
        if (text.startsWith(form, at)) {
          out.add(new Span(at, at + form.length()));
        }
      }
    }
  }

  /** Up to this many texts are searched for one by one (String.indexOf is fastest for a few). */
  private static final int FEW = 4;

  private static int hash3(String s, int at) {
    return (s.charAt(at) * 31 + s.charAt(at + 1)) * 31 + s.charAt(at + 2);
  }

  /** additionalHeaders entries with "sensitive": true: their values. */
  private static void sensitiveHeaders(JsonValue value, List<Span> out) {
    if (value instanceof JsonValue.Obj o) {
      if (o.get("sensitive").orElse(null) instanceof JsonValue.Bool b
          && b.value()
          && o.get("value").isPresent()) {
        out.add(o.get("value").get().span());
      }
      for (JsonValue.Member m : o.members()) {
        sensitiveHeaders(m.value(), out);
      }
    } else if (value instanceof JsonValue.Arr a) {
      for (JsonValue item : a.items()) {
        sensitiveHeaders(item, out);
      }
    }
  }
}
