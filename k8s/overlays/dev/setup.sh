#!/usr/bin/env bash
# Creates what the dev overlay needs and must not come from this repository: the namespace, the
# database and Keycloak admin passwords, the key for secrets at rest, the services' and the
# console's OIDC client secrets, and the hookyard realm with generated passwords for the demo users and secrets for the
# service clients (written to .hookyard/k8s-dev-users.properties).
# Safe to run again: existing Secrets are kept, so data stays readable.
set -euo pipefail
cd "$(dirname "$0")/../../.."
namespace=${HOOKYARD_NAMESPACE:-hookyard}

random() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }
password() { random 18 | tr '+/' '-_'; }
apply() { kubectl apply -n "$namespace" -f -; }
exists() { kubectl get -n "$namespace" "$1" "$2" >/dev/null 2>&1; }

kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f -

exists secret hookyard-db-app || kubectl create secret generic hookyard-db-app \
  --from-literal=username=hookyard --from-literal=password="$(password)" \
  --dry-run=client -o yaml | apply
exists secret keycloak-admin || kubectl create secret generic keycloak-admin \
  --from-literal=password="$(password)" --dry-run=client -o yaml | apply
# One key, id "dev": 32 random bytes, base64.
exists secret hookyard-secrets-key || kubectl create secret generic hookyard-secrets-key \
  --from-literal=HOOKYARD_SECRETS_ACTIVE_KEY=dev \
  --from-literal=HOOKYARD_SECRETS_KEYS_DEV="$(random 32)" --dry-run=client -o yaml | apply

users=.hookyard/k8s-dev-users.properties
mkdir -p .hookyard
# The demo users, and the confidential clients receiver and rules use for client-credentials
# tokens to their peers' internal endpoints.
umask 077
touch "$users"
for account in alice victor bob ops hookyard-receiver hookyard-rules hookyard-console; do
  grep -q "^$account=" "$users" || echo "$account=$(password)" >>"$users"
done
for service in receiver rules; do
  exists secret "$service-service-oidc-client" || kubectl create secret generic \
    "$service-service-oidc-client" --from-literal=HOOKYARD_OIDC_CLIENT_ID="hookyard-$service" \
    --from-literal=HOOKYARD_OIDC_CLIENT_SECRET="$(grep "^hookyard-$service=" "$users" | cut -d= -f2-)" \
    --dry-run=client -o yaml | apply
done
# The console's client for the authorization-code flow; the console is reached with
# kubectl port-forward on localhost:8084.
console_secret=$(grep "^hookyard-console=" "$users" | cut -d= -f2-)
exists secret console-oidc-client || kubectl create secret generic console-oidc-client \
  --from-literal=HOOKYARD_CONSOLE_CLIENT_ID=hookyard-console \
  --from-literal=HOOKYARD_CONSOLE_CLIENT_SECRET="$console_secret" --dry-run=client -o yaml | apply
realm=$(cat system-tests/src/main/resources/keycloak/hookyard-realm.json)
realm=${realm//@CONSOLE_CLIENT_SECRET@/$console_secret}
realm=${realm//@CONSOLE_URL@/http://localhost:8084}
while IFS='=' read -r user secret; do
  placeholder="@$(echo "$user" | tr '[:lower:]' '[:upper:]')_PASSWORD@"
  realm=${realm//$placeholder/$secret}
done <"$users"
printf '%s' "$realm" | kubectl create configmap hookyard-realm --from-file=hookyard-realm.json=/dev/stdin \
  --dry-run=client -o yaml | apply

echo "Namespace $namespace is ready for: kubectl apply -k k8s/overlays/dev"
echo "Demo users' passwords: $users"
