#!/usr/bin/env bash
# Soak: the end-to-end benchmark held for ten minutes at 1,000 events/s. Passes when no request
# failed, nothing was lost, and each service's RSS grew less than 10 % between the first and the
# last minute after the warm-up. Writes bench/target/soak-<time>.json and .png.
# Usage: bench/soak.sh [rate/s, default 1000] [seconds, default 600]
# Run it alone on the machine: flock /tmp/hookyard-maven.lock bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NAME=soak bench/e2e.sh "${1:-1000}" "${2:-600}" 60
RESULT=$(ls -t bench/target/soak-*.json | head -n 1)
python3 - "$RESULT" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
growth = {k: v for k, v in r.items() if k.endswith("RssGrowthPercent")}
ok = r["errors"] == 0 and r["missing"] == 0 and all(v is not None and v < 10 for v in growth.values())
print("errors", r["errors"], "missing", r["missing"], "RSS growth %", growth)
print("SOAK PASSED" if ok else "SOAK FAILED")
sys.exit(0 if ok else 1)
PY
