#!/usr/bin/env bash
# Growth: ingest throughput with an empty event table and with 10 million stored events (added with
# generate_series), then delivery-log search latency with 10 million attempts (2.5 million
# deliveries). Writes bench/target/growth-<time>.json and .png. Needs about 15 GB of disk.
# Usage: bench/growth.sh [events, default 10000000] [attempts, default 10000000] [ingest seconds, default 20]
# Run it alone on the machine: flock /tmp/hookyard-maven.lock bench/growth.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/pick-jdk.sh
hookyard_pick_jdk
EVENTS=${1:-10000000}
ATTEMPTS=${2:-10000000}
SECONDS_MEASURED=${3:-20}

if [ ! -f delivery-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f system-tests/target/stack.classpath ]; then
  ./mvnw -q -B install -DskipTests
fi
mkdir -p bench/target
OUT="bench/target/growth-$(date -u +%Y%m%dT%H%M%SZ)"
echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+'), $(nproc) CPUs; others busy:"
ps -eo pcpu,comm --sort=-pcpu | awk 'NR > 1 && NR <= 6'
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -Dhookyard.root="$PWD" \
  -cp "system-tests/target/classes:$(cat system-tests/target/stack.classpath)" \
  io.hookyard.stack.BenchGrowth "$OUT" "$EVENTS" "$ATTEMPTS" "$SECONDS_MEASURED" 2>&1 |
  tee "$OUT.log" | grep -v -e '^[0-9:,. ]*\(INFO\|WARN\)' -e '^ERROR: The LogManager' || true
[ -f "$OUT.json" ] || { echo "No result; see $OUT.log and bench/target/growth-logs" >&2; exit 1; }
echo "Result: $OUT.json, chart: $OUT.png"
