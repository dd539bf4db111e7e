package dev.smtplint.manifest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes container written in several documents, as kustomize composes a base and its
 * patches by strategic merge (#40 item 3): a Deployment in a base, its SITE_CONFIG_FILE in one
 * patch and its volumes in another. Containers are joined by kind, name and container name; the
 * image, SITE_CONFIG_FILE and mounts (by mount path) of a document without an image (a patch) win
 * over a base's, volumes join by name, and a mount's volume is looked up in the joined ones. Where
 * several documents set SITE_CONFIG_FILE for one container (overlays of one base), each is joined
 * with the documents that set none, mounts of all of them together: a mount more means an error
 * less, never a false one; the rendered output (kubectl kustomize) has the exact answer.
 */
public final class KubernetesPatches {
  private KubernetesPatches() {}

  /**
   * At most this many documents that set one container's SITE_CONFIG_FILE are each joined with the
   * rest: every one carries all the others' mounts, so past a handful of overlays (only a hostile
   * file has thousands) the work would grow with their product. Beyond it, the documents stand as
   * written, as they did before patches were joined.
   */
  static final int MAX_JOINED = 16;

  /** The manifests with each container's documents joined. */
  public static List<Manifest> merged(List<Manifest> manifests) {
    Map<String, List<Workload>> byLabel = new LinkedHashMap<>();
    for (Manifest m : manifests) {
      for (Workload w : m.workloads()) {
        if (!w.compose()) {
          byLabel.computeIfAbsent(w.label(), l -> new ArrayList<>()).add(w);
        }
      }
    }
    Map<Workload, Workload> replaced = new IdentityHashMap<>(); // dropped: absent from the result
    boolean any = false;
    for (List<Workload> group : byLabel.values()) {
      if (group.size() < 2) {
        continue;
      }
      any = true;
      List<Workload> ordered = new ArrayList<>();
      for (Workload w : group) {
        if (w.image().isPresent()) {
          ordered.add(w); // bases first
        }
      }
      List<Workload> setters = new ArrayList<>();
      for (Workload w : group) {
        if (w.image().isEmpty()) {
          ordered.add(w); // then the patches
        }
        if (w.siteConfigFile().isPresent()) {
          setters.add(w);
        }
      }
      if (setters.size() > MAX_JOINED) {
        continue;
      }
      List<Workload> rest = new ArrayList<>(ordered);
      rest.removeAll(setters);
      for (Workload w : group) {
        replaced.put(w, null);
      }
      if (setters.isEmpty()) {
        replaced.put(group.get(0), join(ordered, group.get(0)));
      } else {
        for (Workload setter : setters) {
          List<Workload> parts = new ArrayList<>(rest);
          parts.add(setter);
          replaced.put(setter, join(parts, setter));
        }
      }
    }
    if (!any) {
      return manifests;
    }
    List<Manifest> out = new ArrayList<>();
    for (Manifest m : manifests) {
      List<Workload> workloads = new ArrayList<>();
      for (Workload w : m.workloads()) {
        if (!replaced.containsKey(w)) {
          workloads.add(w);
        } else if (replaced.get(w) != null) {
          workloads.add(replaced.get(w));
        }
      }
      out.add(m.withWorkloads(workloads));
    }
    return out;
  }

  /** The parts in order, later winning; placed where {@code at} is written. */
  private static Workload join(List<Workload> parts, Workload at) {
    Optional<String> image = Optional.empty();
    Optional<Workload.SiteConfigFile> scf = Optional.empty();
    Map<String, List<Workload.Source>> volumes = new LinkedHashMap<>();
    Map<String, Workload.Mount> mounts = new LinkedHashMap<>();
    for (Workload w : parts) {
      image = w.image().isPresent() ? w.image() : image;
      scf = w.siteConfigFile().isPresent() ? w.siteConfigFile() : scf;
      volumes.putAll(w.volumes());
      for (Workload.Mount m : w.mounts()) {
        mounts.put(m.mountPath(), m);
      }
    }
    List<Workload.Mount> resolved = new ArrayList<>();
    for (Workload.Mount m : mounts.values()) {
      List<Workload.Source> sources = volumes.get(m.volume());
      resolved.add(
          m.sources().isEmpty() && sources != null
              ? new Workload.Mount(m.mountPath(), m.subPath(), sources, m.volume())
              : m);
    }
    return new Workload(
        at.yaml(), at.label(), at.at(), image, scf, List.copyOf(resolved), false, volumes);
  }
}
