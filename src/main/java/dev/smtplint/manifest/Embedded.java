package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.util.Optional;

/**
 * A site config held in a YAML value: a ConfigMap's {@code data} or a Secret's {@code stringData}
 * or (base64) {@code data}, under {@code key}. {@code source} is the config as the container reads
 * the mounted file; {@code placement} maps its positions back into the YAML file {@code yaml}.
 *
 * @param kind ConfigMap or Secret
 * @param namespace the object's {@code metadata.namespace}, "" where it names none
 * @param renderedFrom the chart or kustomize file the renderer recorded ({@code # Source:})
 * @param origin the file the object was written in, as the renderer recorded it (Helm's {@code #
 *     Source:}, kustomize's origin {@code path:}); none for a generator's output, whose data come
 *     from other files
 * @param keyAt where the key is written (for findings about the value as a whole)
 * @param likely whether the value looks like a site config on its own (a JSON object with email.*
 *     or other site settings, or a key named like one); one a frontend mounts is judged regardless
 */
public record Embedded(
    SourceFile yaml,
    String kind,
    String namespace,
    String name,
    String key,
    SourceFile source,
    Placement placement,
    Position keyAt,
    Optional<String> renderedFrom,
    Optional<String> origin,
    boolean likely) {

  /** "ConfigMap/frontend-config-files", as kubectl names objects. */
  public String object() {
    return kind + "/" + name;
  }

  /** A Secret's values are passwords: none of it is ever shown. */
  public boolean secret() {
    return kind.equals("Secret");
  }

  /** "ConfigMap/frontend-config-files site.json", and where the renderer took it from. */
  public String label() {
    return object()
        + " "
        + key
        + (renderedFrom.isPresent() ? " (from " + renderedFrom.get() + ")" : "");
  }
}
