#!/usr/bin/env bash
# --fix and --diff must grow linearly with the file (SPEC §10, docs/security.md): times a site config
# of 10,000, 40,000 and 160,000 lines, each line a repeated key that --fix removes (one fix per line,
# the case that was quadratic: 40,000 lines took 43 s with --fix and 45 s with --diff). A linear tool
# takes about 4x as long for 4x the lines.
#   bench/fix-scaling.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/bin/smtplint" --version >/dev/null # builds the jar and the start-up archive on first use
printf '%-10s %10s %10s %10s\n' "lines" "lint ms" "--fix ms" "--diff ms"
for n in 10000 40000 160000; do
  python3 - "$work/site.json" "$n" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
lines = ['{', '  "email.smtp": {"host": "smtp.acme.io", "port": 587, "authentication": "none"},']
lines += ['  "email.address": "sg@acme.io",'] * n
lines += ['  "email.address": "sg@acme.io"', '}']
open(path, 'w').write('\n'.join(lines) + '\n')
PY
  ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
  l=$(ms "$here/bin/smtplint" lint -o /dev/null "$work/site.json")
  d=$(ms "$here/bin/smtplint" lint --diff "$work/site.json")
  cp "$work/site.json" "$work/fix.json"
  f=$(ms "$here/bin/smtplint" lint --fix -o /dev/null "$work/fix.json")
  printf '%-10s %10s %10s %10s\n' "$n" "$l" "$f" "$d"
done
