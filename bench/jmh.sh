#!/usr/bin/env bash
# JMH micro-benchmarks: signature verification per vendor, the seed filters, template rendering and
# matching against 10,000 subscriptions. Any JMH option may follow, e.g. bench/jmh.sh FilterBenchmark -wi 1 -i 2.
# Writes bench/target/jmh-<time>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/pick-jdk.sh
hookyard_pick_jdk
./mvnw -q -B install -pl bench -am -DskipTests -Dspotless.check.skip=true
mkdir -p bench/target
RESULT="bench/target/jmh-$(date -u +%Y%m%dT%H%M%SZ).json"
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  org.openjdk.jmh.Main -rf json -rff "$RESULT" "$@"
echo "Result: $RESULT"
