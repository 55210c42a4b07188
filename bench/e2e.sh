#!/usr/bin/env bash
# End-to-end benchmark: the whole stack, events sent to a generic source at a fixed rate (open loop),
# delivered to a sink in the benchmark's JVM. Latency from accepted (the receiver's 2xx) to
# delivered (the request reached the sink); throughput and each service's RSS every second; RSS
# at rest before the load. Writes bench/target/e2e-<time>.json and .png.
# Usage: bench/e2e.sh [rate/s, default 1000] [seconds, default 60] [warm-up seconds, default 15]
# Run it alone on the machine: flock /tmp/hookyard-maven.lock bench/e2e.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/pick-jdk.sh
hookyard_pick_jdk
RATE=${1:-1000}
SECONDS_MEASURED=${2:-60}
WARMUP=${3:-15}
NAME=${BENCH_NAME:-e2e}

if [ ! -f delivery-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f system-tests/target/stack.classpath ]; then
  ./mvnw -q -B install -DskipTests
fi
mkdir -p bench/target
OUT="bench/target/$NAME-$(date -u +%Y%m%dT%H%M%SZ)"
echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+'), $(nproc) CPUs; others busy:"
ps -eo pcpu,comm --sort=-pcpu | awk 'NR > 1 && NR <= 6'
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -Dhookyard.root="$PWD" \
  -cp "system-tests/target/classes:$(cat system-tests/target/stack.classpath)" \
  io.hookyard.stack.BenchEndToEnd "$OUT" "$RATE" "$SECONDS_MEASURED" "$WARMUP" 2>&1 |
  tee "$OUT.log" | grep -v -e '^[0-9:,. ]*\(INFO\|WARN\)' -e '^ERROR: The LogManager' || true
[ -f "$OUT.json" ] || { echo "No result; see $OUT.log and bench/target/e2e-logs" >&2; exit 1; }
echo "Result: $OUT.json, chart: $OUT.png"
