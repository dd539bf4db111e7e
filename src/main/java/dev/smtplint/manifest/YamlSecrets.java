package dev.smtplint.manifest;

import dev.smtplint.config.JsoncReader;
import dev.smtplint.config.SecretKeys;
import dev.smtplint.config.SecretSpans;
import dev.smtplint.config.SourceFile;
import dev.smtplint.config.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * What no output may show of a YAML file (SPEC §10), over the whole file, by position in the text
 * as it is printed: every value of a Secret; every value under a key, or of a variable, whose name
 * names a secret ({@code smtp-key}, {@code SMTP_PASSWORD}, {@code *_PASS}, {@code *_TOKEN}, {@code
 * pwd}, {@code {name: X_PASSWORD, value: …}}, {@code X_PASSWORD=…}); the secrets of every site
 * config the file holds, placed in the YAML; every other place those values' texts stand (a comment
 * that repeats an old password); and every comment on a line that holds a secret. Each node is
 * visited once, and the searches are bounded: linear in the file.
 */
final class YamlSecrets {
  private final SourceFile yaml;
  private final List<Span> out = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private final Map<Node, Boolean> seen = new IdentityHashMap<>();

  /** No environment variable's name is longer than this. */
  private static final int MAX_VARIABLE = 128;

  /** Each key's verdict, once: a manifest repeats the same few dozen keys thousands of times. */
  private final Map<String, Boolean> secretName = new java.util.HashMap<>();

  private YamlSecrets(SourceFile yaml) {
    this.yaml = yaml;
  }

  /** The masked spans of a file, given its documents and the site configs read from them. */
  static List<Span> of(SourceFile yaml, List<Node> documents, List<Embedded> configs) {
    YamlSecrets s = new YamlSecrets(yaml);
    for (Node doc : documents) {
      boolean secret = Yaml.text(doc, "kind").orElse("").equals("Secret");
      s.walk(doc, secret);
    }
    for (Embedded e : configs) {
      s.config(e);
    }
    if (!s.texts.isEmpty()) {
      SecretSpans.elsewhere(yaml.text(), s.texts, s.out);
    }
    s.comments();
    return Span.ordered(s.out);
  }

  /**
   * A name that says its value is a credential: the spellings site configs use ({@link SecretKeys})
   * and the styles of variables and keys ({@code SMTP_PASS}, {@code GITHUB_TOKEN}, {@code
   * smtp-key}).
   */
  static boolean namesSecret(String name) {
    if (SecretKeys.isSecret(name)) {
      return true;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("pass")
        || n.contains("token")
        || n.contains("secret")
        || n.contains("credential")
        || n.contains("pwd")
        || n.endsWith("_pw")
        || n.endsWith("-key")
        || n.endsWith("_key")
        || n.endsWith("apikey");
  }

  private boolean named(String name) {
    Boolean known = secretName.get(name);
    if (known == null) {
      known = namesSecret(name);
      secretName.put(name, known);
    }
    return known;
  }

  /**
   * Every node once; {@code secret}: inside a Secret document, whose {@code data} and {@code
   * stringData} values are all masked.
   */
  private void walk(Node node, boolean secret) {
    if (seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof SequenceNode s) {
      for (Node item : s.getValue()) {
        walk(item, false);
      }
    } else if (node instanceof MappingNode m) {
      Optional<String> variable = Yaml.text(m, "name");
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
        boolean masked =
            secret && (key.equals("data") || key.equals("stringData"))
                ? maskEach(t.getValueNode(), key.equals("data"))
                : named(key)
                    || notAPathList(key, t.getValueNode())
                    || key.equals("value")
                        && variable.isPresent()
                        && (named(variable.get())
                            || notAPathList(variable.get(), t.getValueNode()));
        if (masked) {
          mask(t.getValueNode());
        }
        walk(t.getValueNode(), false);
      }
    } else if (node instanceof ScalarNode s) {
      int eq = s.getValue().indexOf('=');
      // a variable's name is short: a base64 value's padding is no "NAME="
      if (eq > 0
          && eq <= MAX_VARIABLE
          && (named(s.getValue().substring(0, eq))
              || s.getValue().startsWith("SITE_CONFIG_FILE=")
                  && !Deployments.isPathList(s.getValue().substring(eq + 1)))) {
        mask(node); // a compose environment entry, "SMTP_PASSWORD=…"
        text(s.getValue().substring(eq + 1));
      }
    }
  }

  /**
   * A SITE_CONFIG_FILE that is not a list of paths (a password pasted in, say): shown nowhere, as
   * messages never quote it.
   */
  private static boolean notAPathList(String variable, Node value) {
    return variable.equals("SITE_CONFIG_FILE")
        && value instanceof ScalarNode s
        && !Deployments.isPathList(s.getValue());
  }

  /**
   * Each value of a Secret's data: masked (whatever its key); returns false (done here). A base64
   * value's text is not searched for elsewhere: what it encodes is (a site config's passwords).
   */
  private boolean maskEach(Node data, boolean base64) {
    if (data instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        mask(t.getValueNode(), !base64);
      }
    } else {
      mask(data, !base64);
    }
    return false;
  }

  private void mask(Node node) {
    mask(node, true);
  }

  /** A node's whole text, and ({@code search}) its value searched for elsewhere. */
  private void mask(Node node, boolean search) {
    int start = Yaml.startOffset(yaml, node);
    int end = Math.max(start, Yaml.endOffset(yaml, node));
    if (end > start) {
      out.add(new Span(start, end));
    }
    if (search && node instanceof ScalarNode s) {
      text(s.getValue());
      String written = yaml.text().substring(start, end).strip();
      if (written.length() >= 2
          && (written.charAt(0) == '"' || written.charAt(0) == '\'')
          && written.charAt(written.length() - 1) == written.charAt(0)) {
        written = written.substring(1, written.length() - 1);
      }
      text(written);
    }
  }

  /** A secret's text, searched for everywhere in the file (once, and only while short lines). */
  private void text(String value) {
    if (value.length() >= 3
        && value.indexOf('\n') < 0
        && texts.size() < SecretSpans.MAX_SEARCHED
        && !texts.contains(value)) {
      texts.add(value);
    }
  }

  /** A site config held in a value: its secrets, placed in the YAML, and their texts. */
  private void config(Embedded e) {
    SecretSpans.Scan scan;
    if (e.secret()) {
      // masked whole: only its passwords' texts are wanted, which the scan finds without a parse
      out.addAll(e.placement().toYaml(new Span(0, e.source().text().length())));
      scan = SecretSpans.scan(e.source(), Optional.empty());
    } else {
      scan = SecretSpans.scan(e.source(), JsoncReader.readSiteConfig(e.source()).root());
      for (Span s : scan.spans()) {
        out.addAll(e.placement().toYaml(s));
      }
    }
    for (String password : scan.passwords()) {
      text(password);
    }
  }

  /**
   * On every line that holds a masked span, its comment: from the first {@code #} that starts one
   * (at the line's start or after a blank) outside a mask, to the end of the line.
   */
  private void comments() {
    List<Span> masks = Span.ordered(out);
    String text = yaml.text();
    int lastLine = 0;
    for (Span s : masks) {
      int fromLine = Math.max(yaml.positionOf(s.start()).line(), lastLine + 1);
      int toLine = yaml.positionOf(Math.max(s.start(), s.end() - 1)).line();
      for (int line = fromLine; line <= toLine; line++) {
        int start = yaml.lineStart(line);
        int end = start + yaml.lineLength(line);
        for (int i = start; i < end; i++) {
          char c = text.charAt(i);
          if (c == '#'
              && (i == start || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')
              && !Span.anyWithin(masks, i, i + 1)) {
            out.add(new Span(i, end));
            break;
          }
        }
      }
      lastLine = Math.max(lastLine, toLine);
    }
  }
}
