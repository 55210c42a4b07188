#!/usr/bin/env bash
# Installs the validation tools exactly as package-lock.json pins them (npm ci), into
# k8s/tools/node_modules. Skips the install when that lock file is installed already, and lets npm
# take packages from its cache first, so a repeated or offline build does not need the registry.
set -euo pipefail
cd "$(dirname "$0")"
for tool in node npm kubectl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "The k8s checks need $tool (Node.js 20 or newer, and kubectl for kubectl kustomize)." >&2
    exit 1
  fi
done
stamp=node_modules/.installed-package-lock.json
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
