package dev.smtplint.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class YamlNameTest {
  /** A YAML file by its name's end, in any case: as a lower-cased copy would tell it. */
  @Test
  void aYamlNameEndsInYamlOrYmlInAnyCase() {
    for (String name :
        new String[] {
          "a.yaml",
          "a.YAML",
          "a.Yml",
          ".yml",
          "yml",
          "aml",
          "",
          "a.json",
          "dir/x.yaml.json",
          "k8s/deploy.yMl",
          "a.yam",
          "\u212A.yml",
          "x.y\u0130ml"
        }) {
      String n = name.toLowerCase(Locale.ROOT);
      assertEquals(n.endsWith(".yaml") || n.endsWith(".yml"), Manifest.isYamlName(name), name);
    }
  }
}
