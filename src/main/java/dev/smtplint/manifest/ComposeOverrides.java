package dev.smtplint.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * docker compose's merge of a project's file and its override ({@code docker-compose.yaml} and
 * {@code docker-compose.override.yaml} in one directory, as {@code docker compose} reads them
 * without {@code -f}): a service named in both is one service, the override's image, variables and
 * mounts (by target path) winning; a service only the override names joins the project. So a
 * frontend configured in the override is judged with the base's image, beside its sibling frontends
 * (#40 item 7).
 */
public final class ComposeOverrides {
  private ComposeOverrides() {}

  private static final Set<String> BASES =
      Set.of("docker-compose.yaml", "docker-compose.yml", "compose.yaml", "compose.yml");

  /** An override's file name, and its base's (the same with ".override" taken out). */
  private static Optional<String> baseOf(String fileName) {
    for (String base : BASES) {
      String stem = base.substring(0, base.lastIndexOf('.'));
      String ext = base.substring(base.lastIndexOf('.'));
      if (fileName.equals(stem + ".override" + ext)) {
        return Optional.of(stem);
      }
    }
    return Optional.empty();
  }

  /** The manifests with each override merged into its base, where both were read. */
  public static List<Manifest> merged(List<Manifest> manifests) {
    Map<Path, Integer> bases = new LinkedHashMap<>(); // directory → index of its base file
    for (int i = 0; i < manifests.size(); i++) {
      Path file = Path.of(manifests.get(i).yaml().path()).toAbsolutePath().normalize();
      if (file.getFileName() != null && BASES.contains(file.getFileName().toString())) {
        bases.putIfAbsent(file.getParent(), i);
      }
    }
    if (bases.isEmpty()) {
      return manifests;
    }
    List<Manifest> out = new ArrayList<>(manifests);
    for (int i = 0; i < manifests.size(); i++) {
      Path file = Path.of(manifests.get(i).yaml().path()).toAbsolutePath().normalize();
      Integer base =
          file.getFileName() != null && baseOf(file.getFileName().toString()).isPresent()
              ? bases.get(file.getParent())
              : null;
      if (base != null) {
        Manifest[] pair = merge(out.get(base), out.get(i));
        out.set(base, pair[0]);
        out.set(i, pair[1]);
      }
    }
    return out;
  }

  /** The base with every service of the project; the override with none of its own left. */
  private static Manifest[] merge(Manifest base, Manifest override) {
    Map<String, Workload> services = new LinkedHashMap<>();
    List<Workload> baseOthers = new ArrayList<>();
    for (Workload w : base.workloads()) {
      if (w.compose()) {
        services.put(w.label(), w);
      } else {
        baseOthers.add(w);
      }
    }
    List<Workload> overrideOthers = new ArrayList<>();
    for (Workload w : override.workloads()) {
      if (!w.compose()) {
        overrideOthers.add(w);
      } else {
        Workload earlier = services.get(w.label());
        services.put(w.label(), earlier == null ? w : merge(earlier, w));
      }
    }
    baseOthers.addAll(services.values());
    return new Manifest[] {base.withWorkloads(baseOthers), override.withWorkloads(overrideOthers)};
  }

  /** One service from both files: the override's image, SITE_CONFIG_FILE and mounts win. */
  private static Workload merge(Workload base, Workload over) {
    Map<String, Workload.Mount> mounts = new LinkedHashMap<>();
    for (Workload.Mount m : base.mounts()) {
      mounts.put(m.mountPath(), m);
    }
    for (Workload.Mount m : over.mounts()) {
      mounts.put(m.mountPath(), m);
    }
    boolean overSets = over.siteConfigFile().isPresent();
    return new Workload(
        overSets ? over.yaml() : base.yaml(),
        base.label(),
        overSets ? over.at() : base.at(),
        over.image().isPresent() ? over.image() : base.image(),
        overSets ? over.siteConfigFile() : base.siteConfigFile(),
        List.copyOf(mounts.values()),
        true);
  }
}
