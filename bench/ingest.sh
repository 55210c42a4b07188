#!/usr/bin/env bash
# Durable-ingest benchmark: signed GitHub-style pushes (about 1.5 KB) at 64 connections for 30 s,
# against a receiver with PostgreSQL on the same machine. Writes bench/target/ingest-<time>.json.
# Usage: bench/ingest.sh [duration, default 30s] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/pick-jdk.sh
hookyard_pick_jdk
DURATION=${1:-30s}
CONNECTIONS=${2:-64}

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
trap 'kill $STACK 2>/dev/null; wait $STACK 2>/dev/null' EXIT
for _ in $(seq 1 300); do [ -s "$INFO" ] && break; sleep 1; done
[ -s "$INFO" ] || { echo "The stack did not start; see bench/target/stack.log" >&2; exit 1; }
URL=$(sed -n 1p "$INFO")
DB=$(sed -n 2p "$INFO")

echo "Warming up for 10 s..."
WRK_RESULT=/dev/null wrk -t2 -c"$CONNECTIONS" -d10s -s bench/github-push.lua "$URL" -- "$BODY" "$SIGNATURE" > /dev/null
RESULT="bench/target/ingest-$(date -u +%Y%m%dT%H%M%SZ).json"
echo "Measuring for $DURATION at $CONNECTIONS connections..."
WRK_RESULT="$RESULT" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/github-push.lua "$URL" -- "$BODY" "$SIGNATURE" > /dev/null
STORED=$(psql "$(echo "$DB" | sed 's/^jdbc://; s/?user=postgres//')" -U postgres -tA -c "select count(*) from receiver.event" 2>/dev/null || echo "?")
echo "Result: $(cat "$RESULT")"
echo "Events stored in all (warm-up included): $STORED"
