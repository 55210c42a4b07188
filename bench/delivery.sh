#!/usr/bin/env bash
# Delivery benchmark: one delivery-service (with PostgreSQL on the same machine) sending to a fast
# local sink. Warms up for 90 s on backlogs of half the size, drains a backlog (throughput), then holds
# a steady rate and reads "due" to "sent" from the attempt log. Writes bench/target/delivery-<time>.json
# and a chart beside it (deliveries per second and due → sent over the measured phases).
# Usage: bench/delivery.sh [backlog, default 50000] [steady rate/s, default 2000] [steady seconds, default 20]
# With PROFILE=1, records a JFR profile of delivery-service during the run (bench/target/delivery.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/pick-jdk.sh
hookyard_pick_jdk
BACKLOG=${1:-50000}
RATE=${2:-2000}
SECONDS_STEADY=${3:-20}

if [ ! -f delivery-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f system-tests/target/stack.classpath ]; then
  ./mvnw -q -B install -DskipTests
fi

mkdir -p bench/target
rm -f bench/target/delivery.ready
RESULT="bench/target/delivery-$(date -u +%Y%m%dT%H%M%SZ).json"
"$JAVA_HOME/bin/java" -Dhookyard.root="$PWD" \
  -cp "system-tests/target/classes:$(cat system-tests/target/stack.classpath)" \
  io.hookyard.stack.BenchDelivery "$RESULT" "$BACKLOG" "$RATE" "$SECONDS_STEADY" > bench/target/delivery-stack.log 2>&1 &
BENCH=$!
trap 'kill $BENCH 2>/dev/null; wait $BENCH 2>/dev/null' EXIT
for _ in $(seq 1 300); do [ -s bench/target/delivery.ready ] && break; sleep 1; done
[ -s bench/target/delivery.ready ] || { echo "The stack did not start; see bench/target/delivery-stack.log" >&2; exit 1; }
echo "Stack up; draining $BACKLOG deliveries, then $RATE/s for ${SECONDS_STEADY}s..."
if [ "${PROFILE:-0}" = 1 ]; then
  PORT=$(sed -n 1p bench/target/delivery.ready | sed 's/.*://')
  PID=$(ss -ltnpH "sport = :$PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
  "$JAVA_HOME/bin/jcmd" "$PID" JFR.start name=bench settings=profile dumponexit=true filename="$PWD/bench/target/delivery.jfr" > /dev/null
fi
wait $BENCH
trap - EXIT
echo "Result: $(cat "$RESULT")"
[ -f "${RESULT%.json}.png" ] && echo "Chart: ${RESULT%.json}.png"
if [ "${PROFILE:-0}" = 1 ] && [ -f bench/target/delivery.jfr ]; then
  echo "Hottest frames of delivery-service (JFR execution samples, top of stack):"
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample bench/target/delivery.jfr |
    grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' | sed 's/line:.*//; s/^ *//' |
    sort | uniq -c | sort -rn | awk 'NR <= 25'
fi
