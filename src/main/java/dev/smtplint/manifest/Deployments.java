package dev.smtplint.manifest;

import dev.smtplint.config.Position;
import dev.smtplint.config.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site configs of a set of manifests as the containers load them: each container's {@code
 * SITE_CONFIG_FILE} list resolved through its mounts to the ConfigMap and Secret keys (or, for
 * compose, the local files) that provide each path, in order, to be merged as {@code --merge}
 * merges files (SPEC §1, §9). What no container loads is judged alone.
 */
public final class Deployments {
  private Deployments() {}

  /** One container's list, resolved: its members in order, and what could not be resolved. */
  public record Plan(
      Workload workload,
      String list,
      List<Member> members,
      List<String> missing,
      List<String> notes) {}

  /** A file of the list. */
  public sealed interface Member {}

  /** A ConfigMap or Secret key of the linted manifests. */
  public record InManifest(Embedded config) implements Member {}

  /**
   * A compose bind mount's local file: {@code localPath} as written in the compose file {@code
   * yaml}, then {@code rest} below it when a directory is mounted.
   */
  public record LocalFile(SourceFile yaml, String localPath, String rest) implements Member {}

  /**
   * A path of SITE_CONFIG_FILE that no mount of the container provides
   * (site-config-file-unmounted).
   */
  public record Unmounted(Workload workload, String path, Position at, String why) {}

  /**
   * A frontend that sends mail without the SITE_CONFIG_FILE (or the list) its sibling frontends
   * have (site-config-file-split).
   */
  public record Split(Workload workload, String why) {}

  /** Everything the manifests say about where site configs are loaded. */
  /**
   * {@code alone}: site configs no linted container mounts, judged on their own; {@code partial}:
   * ones a container mounts though its list did not resolve to them, judged as part of a list whose
   * other files are not known (a setting they lack is not missed).
   */
  public record Result(
      List<Plan> plans,
      List<Embedded> alone,
      List<Embedded> partial,
      List<Unmounted> unmounted,
      List<Split> splits) {}

  /** The objects ("ConfigMap/site") some container of the manifests mounts, found in one pass. */
  private static java.util.Set<String> mountedObjects(List<Manifest> manifests) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Manifest m : manifests) {
      for (Workload w : m.workloads()) {
        for (Workload.Mount mount : w.mounts()) {
          for (Workload.Source s : mount.sources()) {
            if (s instanceof Workload.ObjectSource o) {
              out.add(o.kind() + "/" + o.name());
            }
          }
        }
      }
    }
    return out;
  }

  public static Result resolve(List<Manifest> manifests) {
    Map<String, Embedded> byKey = new LinkedHashMap<>();
    Map<String, String> objects = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, LocalFile> generated = new LinkedHashMap<>();
    for (Manifest m : manifests) {
      for (Embedded e : m.configs()) {
        byKey.put(e.kind() + "/" + e.name() + "/" + e.key(), e);
        objects.put(e.kind() + "/" + e.name(), e.object());
      }
      for (Manifest.Generated g : m.generated()) {
        // a generator's file is the key of the object it makes: read beside its kustomization
        generated.put(g.objectKey(), new LocalFile(m.yaml(), g.localPath(), ""));
        objects.putIfAbsent(g.kind() + "/" + g.name(), g.kind() + "/" + g.name());
      }
      values.putAll(m.values());
    }
    List<Plan> plans = new ArrayList<>();
    List<Unmounted> unmounted = new ArrayList<>();
    Map<Embedded, Boolean> used = new IdentityHashMap<>();
    for (Manifest m : manifests) {
      for (Workload w : m.workloads()) {
        if (w.siteConfigFile().isEmpty()) {
          continue;
        }
        Workload.SiteConfigFile scf = w.siteConfigFile().get();
        Optional<String> list = scf.value();
        for (Workload.ObjectKey ref : scf.fromConfigMap()) {
          if (list.isPresent()) {
            break;
          }
          list = Optional.ofNullable(values.get("ConfigMap/" + ref.name() + "/" + ref.key()));
        }
        if (list.isEmpty()) {
          continue; // taken from an object that is not linted here: nothing to resolve
        }
        boolean quotable = list.equals(scf.value()) && isPathList(list.get());
        Map<String, List<Workload.Mount>> byPath = mountsByPath(w);
        List<Member> members = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // A path the list names again is merged once, at its last place: merging by top-level key,
        // a later file wins, so [a, b, a] is [b, a] (and 800 a's are one).
        Map<String, Integer> last = new LinkedHashMap<>();
        int index = 0;
        for (String path : list.get().split(":")) {
          if (!path.isEmpty()) {
            last.remove(path);
            last.put(path, index);
          }
          index += path.length() + 1;
        }
        for (Map.Entry<String, Integer> entry : last.entrySet()) {
          String path = entry.getKey();
          int at = entry.getValue();
          Resolved r = resolve(w, path, byPath, byKey, generated, objects);
          if (r.member().isPresent()) {
            members.add(r.member().get());
            if (r.member().get() instanceof InManifest in) {
              used.put(in.config(), Boolean.TRUE);
            }
          } else if (r.unmounted().isPresent()) {
            unmounted.add(
                new Unmounted(
                    w,
                    quotable ? path : NOT_SHOWN,
                    list.equals(scf.value()) ? scf.at(at) : scf.at(),
                    r.unmounted().get()));
            missing.add(quotable ? path : NOT_SHOWN);
          } else if (r.note().isPresent()) {
            notes.add((quotable ? path : NOT_SHOWN) + r.note().get());
            missing.add(quotable ? path : NOT_SHOWN);
          }
        }
        plans.add(new Plan(w, list.get(), members, missing, notes));
      }
    }
    java.util.Set<String> mounted = mountedObjects(manifests);
    List<Embedded> alone = new ArrayList<>();
    List<Embedded> partial = new ArrayList<>();
    for (Manifest m : manifests) {
      for (Embedded e : m.configs()) {
        if (!used.containsKey(e) && e.likely()) {
          (mounted.contains(e.object()) ? partial : alone).add(e);
        }
      }
    }
    return new Result(plans, alone, partial, unmounted, splits(manifests));
  }

  private record Resolved(
      Optional<Member> member, Optional<String> unmounted, Optional<String> note) {}

  /** The mount that provides {@code path} (the deepest), and the key or file it reads. */
  private static Resolved resolve(
      Workload w,
      String path,
      Map<String, List<Workload.Mount>> byPath,
      Map<String, Embedded> byKey,
      Map<String, LocalFile> generated,
      Map<String, String> objects) {
    Workload.Mount best = null;
    String rest = null;
    // The deepest mount first: the path itself, then each directory above it, each looked up by key
    // (a list of many paths against many mounts is linear, not their product).
    for (int end = path.length(); end > 0 && best == null; end = path.lastIndexOf('/', end - 1)) {
      String prefix = path.substring(0, end);
      boolean whole = end == path.length();
      for (Workload.Mount m : byPath.getOrDefault(prefix, List.of())) {
        boolean below = m.subPath().isEmpty();
        if (whole ? !below || w.compose() : below) {
          best = m;
          rest = whole ? "" : path.substring(end + 1);
          break;
        }
      }
    }
    if (best == null) {
      return new Resolved(
          Optional.empty(),
          Optional.of("no volume mount of the container provides it"),
          Optional.empty());
    }
    List<String> absent = new ArrayList<>();
    for (Workload.Source s : best.sources()) {
      if (s instanceof Workload.BindSource bind) {
        return new Resolved(
            Optional.of(new LocalFile(w.yaml(), bind.localPath(), rest)),
            Optional.empty(),
            Optional.empty());
      }
      Workload.ObjectSource o = (Workload.ObjectSource) s;
      String file = best.subPath().isPresent() ? best.subPath().get() : rest;
      String key = null;
      if (o.items().isEmpty()) {
        key = file;
      } else {
        for (Map.Entry<String, String> item : o.items().entrySet()) {
          if (item.getValue().equals(file)) {
            key = item.getKey();
          }
        }
      }
      if (key == null) {
        continue; // this source projects no file of that name
      }
      Embedded e = byKey.get(o.kind() + "/" + o.name() + "/" + key);
      if (e != null) {
        return new Resolved(Optional.of(new InManifest(e)), Optional.empty(), Optional.empty());
      }
      LocalFile g = generated.get(o.kind() + "/" + o.name() + "/" + key);
      if (g != null) {
        return new Resolved(Optional.of(g), Optional.empty(), Optional.empty());
      }
      if (objects.containsKey(o.kind() + "/" + o.name())) {
        return new Resolved(
            Optional.empty(),
            Optional.of(
                o.kind() + "/" + o.name() + " has no key " + key + " holding a site config"),
            Optional.empty());
      }
      absent.add(o.kind() + "/" + o.name() + " (key " + key + ")");
    }
    if (absent.isEmpty()) {
      return new Resolved(
          Optional.empty(),
          Optional.of("its mount at " + best.mountPath() + " projects no file of that name"),
          Optional.empty());
    }
    return new Resolved(
        Optional.empty(),
        Optional.empty(),
        Optional.of(
            " comes from " + String.join(", ", absent) + ", which is not in the linted files"));
  }

  /** A SITE_CONFIG_FILE as a message may name it. */
  private static String quoted(String list) {
    return isPathList(list) ? list : "a SITE_CONFIG_FILE that is not a list of paths (not shown)";
  }

  /** What a message says for a path it may not quote. */
  static final String NOT_SHOWN = "a path of its SITE_CONFIG_FILE (value not shown)";

  /**
   * A list of absolute paths as admins write them: a message may quote it. Anything else (a value
   * taken from a reference, a password pasted in) is never quoted.
   */
  static boolean isPathList(String list) {
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "/._-:".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    for (String path : list.split(":")) {
      if (!path.isEmpty() && !path.startsWith("/")) {
        return false;
      }
    }
    return true;
  }

  /** A container's mounts by their path (no trailing slash), each list in the container's order. */
  private static Map<String, List<Workload.Mount>> mountsByPath(Workload w) {
    Map<String, List<Workload.Mount>> out = new java.util.HashMap<>();
    for (Workload.Mount m : w.mounts()) {
      out.computeIfAbsent(trimSlash(m.mountPath()), k -> new ArrayList<>()).add(m);
    }
    return out;
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * Frontends (sourcegraph/frontend images) of one compose file, or of all Kubernetes manifests,
   * that lack the SITE_CONFIG_FILE list the others have: each sends mail with the settings it
   * loads.
   */
  private static List<Split> splits(List<Manifest> manifests) {
    List<Split> out = new ArrayList<>();
    List<Workload> kubernetes = new ArrayList<>();
    for (Manifest m : manifests) {
      List<Workload> compose = new ArrayList<>();
      for (Workload w : m.workloads()) {
        if (w.frontend()) {
          (w.compose() ? compose : kubernetes).add(w);
        }
      }
      out.addAll(split(compose));
    }
    out.addAll(split(kubernetes));
    return out;
  }

  private static List<Split> split(List<Workload> frontends) {
    Map<String, Workload> lists = new LinkedHashMap<>();
    for (Workload w : frontends) {
      if (w.siteConfigFile().isPresent() && w.siteConfigFile().get().value().isPresent()) {
        lists.putIfAbsent(w.siteConfigFile().get().value().get(), w);
      }
    }
    if (lists.isEmpty()) {
      return List.of();
    }
    Map.Entry<String, Workload> first = lists.entrySet().iterator().next();
    List<Split> out = new ArrayList<>();
    for (Workload w : frontends) {
      if (w.siteConfigFile().isEmpty()) {
        out.add(
            new Split(
                w,
                w.label()
                    + " runs a Sourcegraph frontend without SITE_CONFIG_FILE, while "
                    + first.getValue().label()
                    + " loads "
                    + quoted(first.getKey())));
      } else if (w.siteConfigFile().get().value().isPresent()
          && !w.siteConfigFile().get().value().get().equals(first.getKey())) {
        out.add(
            new Split(
                w,
                w.label()
                    + " loads "
                    + w.siteConfigFile().get().value().get()
                    + ", while "
                    + first.getValue().label()
                    + " loads "
                    + quoted(first.getKey())));
      }
    }
    return out;
  }
}
