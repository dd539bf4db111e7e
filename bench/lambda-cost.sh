#!/usr/bin/env bash
# What a lambda costs a cold start, against the anonymous class the lint path uses instead
# (LambdaFreeTest): two generated programs with N call sites each, run with the start-up archive the
# launcher uses (Java 17: a dynamic CDS archive; Java 25: an AOT cache), timed interleaved by ab.py.
#   bench/lambda-cost.sh [N] [ROUNDS]          JAVA_HOME picks the JVM (default: java on PATH)
set -euo pipefail
n=${1:-100}
rounds=${2:-21}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for kind in Lambdas Classes; do
  {
    echo "import java.util.function.Supplier;"
    echo "public class $kind { public static void main(String[] a) { int sum = 0;"
    for i in $(seq "$n"); do
      if [ "$kind" = Lambdas ]; then
        echo "  Supplier<Integer> s$i = () -> $i; sum += s$i.get();"
      else
        echo "  Supplier<Integer> s$i = new Supplier<>() { public Integer get() { return $i; } }; sum += s$i.get();"
      fi
    done
    echo "  System.out.println(sum); } }"
  } > "$work/$kind.java"
  mkdir -p "$work/$kind"
  "$javac" -d "$work/$kind" "$work/$kind.java"
  (cd "$work/$kind" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" cf "../$kind.jar" .) # a start-up archive takes jars only
  if "$java" -XX:AOTCacheOutput="$work/$kind.aot" -cp "$work/$kind.jar" "$kind" >/dev/null 2>&1; then
    archive=(-XX:AOTCache="$work/$kind.aot") # Java 25
  else
    "$java" -XX:ArchiveClassesAtExit="$work/$kind.jsa" -cp "$work/$kind.jar" "$kind" >/dev/null 2>&1
    archive=(-XX:SharedArchiveFile="$work/$kind.jsa")
  fi
  echo "$java ${archive[*]} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work/$kind.jar $kind" > "$work/$kind.cmd"
done
"$java" -version 2>&1 | head -1
echo "$n call sites each"
python3 "$(dirname "$0")/ab.py" "$rounds" "$(cat "$work/Lambdas.cmd")" "$(cat "$work/Classes.cmd")" | sed "s#$work/##g"
