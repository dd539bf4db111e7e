package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container as it loads its site config: a Kubernetes container (of a Deployment, StatefulSet,
 * Pod template...) or a docker-compose service, with its {@code SITE_CONFIG_FILE} and the mounts
 * that provide files.
 *
 * @param label "Deployment/sourcegraph-frontend, container frontend" or "service
 *     sourcegraph-frontend-0"
 * @param at where the container or service is named (for a finding about the container)
 * @param siteConfigFile the variable, where the container sets it
 * @param compose whether this is a docker-compose service (its bind mounts are local files)
 * @param volumes a Kubernetes pod's volumes as this document declares them, by name (a kustomize
 *     patch may declare them apart from the mounts: KubernetesPatches joins them)
 */
public record Workload(
    SourceFile yaml,
    String label,
    Position at,
    Optional<String> image,
    Optional<SiteConfigFile> siteConfigFile,
    List<Mount> mounts,
    boolean compose,
    Map<String, List<Source>> volumes) {
  public Workload(
      SourceFile yaml,
      String label,
      Position at,
      Optional<String> image,
      Optional<SiteConfigFile> siteConfigFile,
      List<Mount> mounts,
      boolean compose) {
    this(yaml, label, at, image, siteConfigFile, mounts, compose, Map.of());
  }

  /**
   * {@code SITE_CONFIG_FILE}: its value (a ':' list of paths), or the ConfigMap keys it may be
   * taken from, the first that is there winning ({@code valueFrom.configMapKeyRef}; else {@code
   * envFrom}'s ConfigMaps, the last listed first, as Kubernetes lets a later source win), and where
   * it is written.
   */
  public record SiteConfigFile(
      Optional<String> value, List<ObjectKey> fromConfigMap, Position at, int shift) {
    /**
     * Where the list's character {@code index} is written: {@code shift} columns past {@code at} (a
     * quote), on the same line; -1 when the scalar's text does not map column for column.
     */
    public Position at(int index) {
      return shift < 0 ? at : new Position(at.line(), at.column() + shift + index);
    }
  }

  /** A key of a ConfigMap or Secret. */
  public record ObjectKey(String kind, String name, String key) {}

  /**
   * A mount: at {@code mountPath} (one file where {@code subPath} is given), the files of {@code
   * sources} — objects (each key a file, or only the keys {@code items} maps to paths) or, for a
   * compose bind mount, a local path.
   */
  public record Mount(
      String mountPath, Optional<String> subPath, List<Source> sources, String volume) {
    public Mount(String mountPath, Optional<String> subPath, List<Source> sources) {
      this(mountPath, subPath, sources, "");
    }
  }

  /** What a mount provides. */
  public sealed interface Source {}

  /** A ConfigMap's or Secret's keys as files; {@code items}: key to path, where given. */
  public record ObjectSource(String kind, String name, Map<String, String> items)
      implements Source {}

  /**
   * A compose bind mount of a local file or directory (as written, relative to the compose file).
   */
  public record BindSource(String localPath) implements Source {}

  /** Whether the image is Sourcegraph's frontend (which sends mail). */
  public boolean frontend() {
    return image.isPresent() && image.get().contains("sourcegraph/frontend");
  }
}
