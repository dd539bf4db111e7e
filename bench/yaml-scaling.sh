#!/usr/bin/env bash
# The YAML reader must grow linearly with the file (SPEC §10, docs/security.md "Manifests"): times the
# four inputs that did not, each at 1x, 4x and 16x. A linear tool takes about 4x as long for 4x the
# input; the figures before the fix are in bench/README.md.
#   aliases   N aliases of one 100 KB site config (refused past the file's length + 8 MiB expanded: exit 2)
#   long      one value of N MB
#   repeated  SITE_CONFIG_FILE naming one path N times
#   mounts    N paths against N volume mounts
#   [SCALES="1 4"] bench/yaml-scaling.sh [SMTPLINT]   (default: this checkout's bin/smtplint)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
smtplint="${1:-$here/bin/smtplint}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$smtplint" --version >/dev/null # builds the jar and the start-up archive on first use
git -C "$work" init -q
printf '%-10s %8s %10s %8s %12s %6s\n' "case" "scale" "bytes" "ms" "peak RSS" "exit"
for scale in ${SCALES:-1 4 16}; do
  python3 - "$work" "$scale" <<'PY'
import os, sys
work, scale = sys.argv[1], int(sys.argv[2])
head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n"
with open(os.path.join(work, "aliases.yaml"), "w") as f:
    f.write(head + "  k0: &big '{\"email.address\": \"sg@acme.io\", \"pad\": \"" + "x" * 100_000 + "\"}'\n")
    f.write("".join(f"  k{i}: *big\n" for i in range(1, 1000 * scale)))
with open(os.path.join(work, "long.yaml"), "w") as f:
    f.write(head + "  v: " + "y" * (1 << 20) * scale + "\n")
paths = ":".join(["/etc/sg/site.json"] * (200 * scale))
with open(os.path.join(work, "docker-compose.yaml"), "w") as f:
    f.write("services:\n  sourcegraph-frontend-0:\n    image: sourcegraph/frontend:5.11.4\n"
            f"    environment: ['SITE_CONFIG_FILE={paths}']\n"
            "    volumes: ['./site.json:/etc/sg/site.json']\n")
with open(os.path.join(work, "site.json"), "w") as f:
    f.write('{"email.address": "sg@acme.io", "email.smtp": {"host": "smtp.acme.io", "port": 465,'
            ' "authentication": "none"}}\n')
n = 1250 * scale
with open(os.path.join(work, "mounts.yaml"), "w") as f:
    f.write("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: f}\nspec:\n  template:\n"
            "    spec:\n      containers:\n      - name: frontend\n"
            "        image: sourcegraph/frontend:5.11.4\n"
            "        env: [{name: SITE_CONFIG_FILE, value: '"
            + ":".join(f"/etc/sg/d{i}/site.json" for i in range(n)) + "'}]\n        volumeMounts:\n"
            + "".join(f"        - {{name: v{i}, mountPath: /m/{i}}}\n" for i in range(n))
            + "      volumes:\n" + "".join(f"      - {{name: v{i}, configMap: {{name: c}}}}\n" for i in range(n)))
PY
  for c in aliases long repeated mounts; do
    file="$work/$c.yaml"
    [ "$c" = repeated ] && file="$work/docker-compose.yaml"
    s=$(date +%s%N)
    set +e
    rss=$(/usr/bin/time -f %M "$smtplint" lint --format json -o /dev/null "$file" 2>&1 >/dev/null | tail -1)
    code=$?
    set -e
    ms=$(( ($(date +%s%N) - s) / 1000000 ))
    printf '%-10s %7sx %10s %8s %9s MiB %6s\n' "$c" "$scale" "$(stat -c %s "$file")" "$ms" "$(( rss / 1024 ))" "$code"
  done
done
