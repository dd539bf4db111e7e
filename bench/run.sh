#!/usr/bin/env bash
# smtplint's speed, side by side with ajv-cli (the schema-only peer a user would pick instead).
#   bench/run.sh            cold single file, batches of 100 / 2,000 / 20,000 files, file sizes 1 KB-10 MB,
#                           and text against JSON on 1,500 mutated files
#   bench/run.sh --jmh      also the JMH benchmark of the in-process cost per file
# Needs Java 17+, Maven, Node.js/npm (ajv-cli is installed into a temporary folder) and, for the
# nicest numbers, hyperfine (Debian package; a plain timing loop is used without it).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-10}"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
"$here/bin/smtplint" --version >/dev/null # builds the jar and the start-up archive on first use
echo "installing ajv-cli 5 + ajv-formats into $work ..."
npm install --silent --no-audit --no-fund --prefix "$work/ajv" ajv-cli@5 ajv-formats@3 >/dev/null 2>&1
ajv="$work/ajv/node_modules/.bin/ajv"
"$here/bin/smtplint" schema >"$work/schema.json"
python3 "$here/bench/make-inputs.py" "$work/in"

# median wall time in ms of a command, over $runs runs
measure() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -i -w 2 -r "$runs" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json;print(round(json.load(open('$work/h.json'))['results'][0]['median']*1000))"
  else
    local times=()
    for _ in $(seq "$runs"); do
      local s; s=$(date +%s%N); bash -c "$1" >/dev/null 2>&1 || true; times+=($(( ($(date +%s%N) - s) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  fi
}
peak() { /usr/bin/time -f %M bash -c "$1 >/dev/null 2>&1" 2>&1 | tail -1; }

smtplint="$here/bin/smtplint lint --format json -o /dev/null"
printf '\n%-22s %12s %12s %8s %14s\n' "input" "smtplint ms" "ajv-cli ms" "ratio" "smtplint RSS"
row() {
  local name="$1" target="$2" glob="$3"
  local s a
  s=$(measure "$smtplint $target")
  # --strict-schema=false: the schema's editor keywords (allowComments, allowTrailingCommas) are
  # unknown to ajv, whose strict mode would refuse the schema and validate nothing.
  a=$(measure "$ajv validate -s $work/schema.json -d $glob --spec=draft7 --strict-schema=false -c ajv-formats")
  printf '%-22s %12s %12s %8s %11s MiB\n' "$name" "$s" "$a" "$(python3 -c "print(f'{$s/$a:.2f}')")" \
    "$(( $(peak "$smtplint $target") / 1024 ))"
}
row "1 file (cold)" "$work/in/one/site00000.json" "$work/in/one/site00000.json"
row "100 files" "$work/in/batch100" "$work/in/batch100/*.json"
row "2,000 files" "$work/in/batch2000" "$work/in/batch2000/*.json"
runs=3 row "20,000 files" "$work/in/batch20000" "$work/in/batch20000/*.json"
for size in 1KB 100KB 1MB 10MB; do
  runs=5 row "1 file of $size" "$work/in/size$size" "$work/in/size$size/*.json"
done

# A rendered deployment (ConfigMap + base64 Secret + Deployment per frontend, SITE_CONFIG_FILE lists
# resolved across them): 200 and 2,000 objects in one YAML file; ajv cannot read it (no peer).
for n in 200 2000; do
  printf '%-22s %12s %12s\n' "manifest, $n objects" "$(measure "$smtplint $work/in/manifest$n/deploy.yaml")" "-"
done

# Text against JSON on 1,500 byte-level mutations of testdata/ (invalid UTF-8, long runs, truncations):
# text output must not cost more than JSON on hostile input (it once cost four times as much).
python3 "$here/bench/make-mutated.py" "$work/mutated" 1500
t=$(measure "$here/bin/smtplint lint --format text -o /dev/null $work/mutated")
j=$(measure "$here/bin/smtplint lint --format json -o /dev/null $work/mutated")
printf '\n%-22s %12s %12s %8s\n' "1,500 mutated files" "text $t" "json $j" "$(python3 -c "print(f'{$t/$j:.2f}')")"

if [ "${1:-}" = "--jmh" ]; then
  (cd "$here" && mvn -B -q install -DskipTests)
  (cd "$here/bench/jmh" && mvn -B -q package && java -jar target/benchmarks.jar -f 1 -wi 3 -i 5 -w 2 -r 2)
fi
