#!/usr/bin/env bash
# Durable-ingest benchmark: signed GitHub-style pushes (about 1.5 KB) at 64 connections for 30 s,
# against a receiver with PostgreSQL on the same machine. Writes bench/target/ingest-<time>.json.
# Usage: bench/ingest.sh [duration, default 30s] [connections, default 64]
# INGEST_JFR=1 also records a JFR profile of the receiver during the measurement, next to the result
# (INGEST_JFR_SETTINGS names another JFR settings file than "profile").
# INGEST_CEILING=1 sends the same requests to an address of the tenant where no source listens: each
# is answered 404 from the source cache and nothing is stored, which measures what HTTP alone costs
# on this machine, the ceiling any durable ingest stays under.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/pick-jdk.sh
hookyard_pick_jdk
DURATION=${1:-30s}
CONNECTIONS=${2:-64}
# Long enough for the JIT to settle: C2 still took half a core 10 s into a run, and throughput kept
# rising through the first minute.
WARMUP=${INGEST_WARMUP:-90s}

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk from Debian's packages..."
  apt-get install -y -qq wrk >/dev/null
fi
if [ ! -f receiver-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f system-tests/target/stack.classpath ]; then
  ./mvnw -q -B install -DskipTests
fi

mkdir -p bench/target
SECRET="bench-secret-$RANDOM$RANDOM"
BODY=$(cat bench/src/main/resources/github-push.json)
SIGNATURE="sha256=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')"
INFO=bench/target/stack.info
rm -f "$INFO"

"$JAVA_HOME/bin/java" -Dhookyard.root="$PWD" \
  -cp "system-tests/target/classes:$(cat system-tests/target/stack.classpath)" \
  io.hookyard.stack.BenchIngestStack "$INFO" "$SECRET" > bench/target/stack.log 2>&1 &
STACK=$!
# Stop the stack on the way out, keeping the script's own exit status (the stack's would be 143).
trap 'status=$?; kill $STACK 2>/dev/null; wait $STACK 2>/dev/null; exit $status' EXIT
for _ in $(seq 1 300); do [ -s "$INFO" ] && break; sleep 1; done
[ -s "$INFO" ] || { echo "The stack did not start; see bench/target/stack.log" >&2; exit 1; }
URL=$(sed -n 1p "$INFO")
if [ "${INGEST_CEILING:-0}" = 1 ]; then
  URL="${URL%/*}/no-source-listens-here"
  echo "Ceiling run: every request goes to $URL and is answered 404 (counted under errors.status; the throughput is of these 404s)."
fi
DB=$(sed -n 2p "$INFO")

DB_PORT=$(echo "$DB" | sed -n 's#^jdbc:postgresql://[^:/]*:\([0-9]*\)/.*#\1#p')
PSQL_URL=$(echo "$DB" | sed 's/^jdbc://; s/?user=postgres//')

# Transactions committed so far in the whole server: the group commit's batches, and the little
# else that commits (the outbox relay, the probe's source lookups).
commits() {
  psql "$PSQL_URL" -U postgres -tA -c "select sum(xact_commit) from pg_stat_database" 2>/dev/null || echo 0
}
RECEIVER=$(pgrep -f "$PWD/receiver-service/target/quarkus-app/quarkus-run.jar" | head -n 1)
POSTMASTER=$(pgrep -f -- "-p $DB_PORT" | head -n 1)

# CPU time (clock ticks) used so far by the given processes and their children.
cpu_ticks() {
  local total=0 pid fields
  for pid in "$@" $(for parent in "$@"; do pgrep -P "$parent"; done); do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    set -- $fields
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}

# Busy clock ticks of the whole machine so far (everything but idle and I/O wait).
machine_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# Clock ticks so far: stolen by the hypervisor, and all of them.
steal_and_total_ticks() {
  awk '/^cpu / { print $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# The chart: accepted events per second (from the event table) and a probe's latency over time. Its
# JVM starts now and waits out the warm-up, so that its own start-up does not land in the measurement.
RESULT="bench/target/ingest-$(date -u +%Y%m%dT%H%M%SZ).json"
"$JAVA_HOME/bin/java" -Djava.awt.headless=true \
  -cp "system-tests/target/classes:$(cat system-tests/target/stack.classpath)" \
  io.hookyard.stack.BenchIngestChart "${RESULT%.json}.png" "$URL" bench/src/main/resources/github-push.json \
  "$SIGNATURE" "$DB" "${WARMUP%s}" "${DURATION%s}" > bench/target/ingest-chart.log 2>&1 &
CHART=$!
echo "Warming up for $WARMUP..."
WRK_RESULT=/dev/null wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/github-push.lua "$URL" -- "$BODY" "$SIGNATURE" > /dev/null
echo "Measuring for $DURATION at $CONNECTIONS connections..."
if [ "${INGEST_JFR:-0}" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$RECEIVER" JFR.start name=ingest settings="${INGEST_JFR_SETTINGS:-profile}" \
    filename="$PWD/${RESULT%.json}.jfr" > /dev/null
fi
COMMITS_BEFORE=$(commits)
RECEIVER_BEFORE=$(cpu_ticks "$RECEIVER")
DB_BEFORE=$(cpu_ticks "$POSTMASTER")
MACHINE_BEFORE=$(machine_ticks)
STEAL_BEFORE=$(steal_and_total_ticks)
WRK_RESULT="$RESULT" /usr/bin/time -f "%U %S" -o bench/target/wrk.cpu \
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/github-push.lua "$URL" -- "$BODY" "$SIGNATURE" > /dev/null
MACHINE_AFTER=$(machine_ticks)
STEAL_AFTER=$(steal_and_total_ticks)
COMMITS_AFTER=$(commits)
wait "$CHART" || echo "No chart; see bench/target/ingest-chart.log" >&2
if [ "${INGEST_JFR:-0}" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$RECEIVER" JFR.stop name=ingest > /dev/null
  echo "Profile: ${RESULT%.json}.jfr"
fi
STORED=$(psql "$PSQL_URL" -U postgres -tA -c "select count(*) from receiver.event" 2>/dev/null || echo "?")
echo "Result: $(cat "$RESULT")"
# Figures differ widely between machine types (bench/README.md): say which one this was.
# The model name alone ("AMD EPYC") can hide different generations: the family, model and stepping
# tell them apart.
cpu() { sed -n "s/^$1[[:space:]]*: //p" /proc/cpuinfo | head -n 1; }
echo "Machine: $(nproc) CPUs, $(cpu 'model name') (family $(cpu 'cpu family'), model $(cpu model), stepping $(cpu stepping))"
[ -f "${RESULT%.json}.png" ] && echo "Chart: ${RESULT%.json}.png"
SECONDS_MEASURED=$(sed 's/.*"durationSeconds":\([0-9.]*\).*/\1/' "$RESULT")
TICKS=$(getconf CLK_TCK)
# Anything else busy on the machine during the measurement makes the figures worth less: say so.
awk -v r="$(( $(cpu_ticks "$RECEIVER") - RECEIVER_BEFORE ))" -v d="$(( $(cpu_ticks "$POSTMASTER") - DB_BEFORE ))" \
  -v m="$(( MACHINE_AFTER - MACHINE_BEFORE ))" -v w="$(cat bench/target/wrk.cpu)" \
  -v t="$TICKS" -v s="$SECONDS_MEASURED" \
  'BEGIN { split(w, u, " "); wrk = (u[1] + u[2]) / s; rc = r / t / s; dc = d / t / s; all = m / t / s;
    printf "CPU during the measurement (cores): receiver %.2f, PostgreSQL %.2f, wrk %.2f, anything else %.2f\n",
      rc, dc, wrk, all - rc - dc - wrk }'

# A shared virtual machine can lose a large share of its cores to the hypervisor; that share
# ("steal", also inside "anything else" above) explains most of the spread between runs.
echo "$STEAL_BEFORE $STEAL_AFTER" | awk '{ t = $4 - $2; printf "CPU stolen by the hypervisor during the measurement: %.0f %%\n", (t > 0 ? 100 * ($3 - $1) / t : 0) }'
echo "Events stored in all (warm-up included): $STORED"
# Larger batches cost PostgreSQL less per event; this says how large the group commit made them.
awk -v c="$(( COMMITS_AFTER - COMMITS_BEFORE ))" -v r="$(sed 's/.*"requests":\([0-9]*\).*/\1/' "$RESULT")" \
  'BEGIN { printf "Transactions committed during the measurement: %d, %.1f accepted events per commit\n", c, (c > 0 ? r / c : 0) }'

