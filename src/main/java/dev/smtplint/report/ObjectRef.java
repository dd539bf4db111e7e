package dev.smtplint.report;

import java.util.Optional;

/**
 * The object of a deployment a finding is about (SPEC §4): a Kubernetes object and the key of it
 * that holds the site config, or the container (a compose service) that loads it; empty where it
 * does not apply. {@code origin}: the file a renderer recorded the object came from (Helm's {@code
 * # Source:}, kustomize's origin), which GitHub annotations name for standard input.
 */
public record ObjectRef(
    String kind,
    String namespace,
    String name,
    String key,
    String container,
    Optional<String> origin) {

  /** "ConfigMap/frontend-config-files site.json", as messages and SARIF name it. */
  public String qualifiedName() {
    StringBuilder out = new StringBuilder();
    if (!kind.isEmpty()) {
      out.append(kind).append('/');
    }
    if (!namespace.isEmpty()) {
      out.append(namespace).append('/');
    }
    out.append(name);
    if (!key.isEmpty()) {
      out.append(' ').append(key);
    }
    if (!container.isEmpty()) {
      out.append(", container ").append(container);
    }
    return out.toString();
  }
}
