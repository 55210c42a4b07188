// The deployment policy holds for every rendered target.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  containerViolations,
  hookyardServices,
  ingressViolations,
  networkPolicyViolations,
  secretValueViolations,
} from "../policy.mjs";
import { k8sDir, render, targets } from "../render.mjs";

const rendered = new Map(targets().map((target) => [target, render(target)]));

for (const [target, docs] of rendered) {
  test(`${target}: every container has probes, limits, non-root, a read-only root, no capabilities`, () => {
    assert.deepEqual(containerViolations(docs), []);
  });

  test(`${target}: every Hookyard service and the console has its NetworkPolicy`, () => {
    assert.deepEqual(hookyardServices(docs).map((d) => d.metadata.name).sort(), [
      "console",
      "delivery-service",
      "receiver-service",
      "rules-service",
    ]);
    assert.deepEqual(networkPolicyViolations(docs), []);
  });

  test(`${target}: no Secret carries a value`, () => {
    assert.deepEqual(secretValueViolations(docs), []);
  });

  test(`${target}: the Ingress routes only webhooks, management APIs and the console`, () => {
    assert.deepEqual(ingressViolations(docs), []);
  });

  test(`${target}: the console is routed at /console on the same host, to its own Service`, () => {
    const ingress = docs.find((doc) => doc.kind === "Ingress" && doc.metadata.name === "hookyard");
    assert.equal(ingress.spec.rules.length, 1, "one host for webhooks, APIs and the console");
    const route = ingress.spec.rules[0].http.paths.find((p) => p.path.startsWith("/console"));
    assert.ok(route, "no /console route");
    assert.equal(route.backend.service.name, "console");
    const service = docs.find((doc) => doc.kind === "Service" && doc.metadata.name === "console");
    assert.ok(service, "no console Service");
    assert.ok(service.spec.ports.some((port) => port.name === route.backend.service.port.name));
    assert.equal(service.spec.ports[0].targetPort, 8084);
  });

  test(`${target}: the console has no database credentials and takes its OIDC client from a Secret`, () => {
    const console = hookyardServices(docs).find((doc) => doc.metadata.name === "console");
    const container = console.spec.template.spec.containers[0];
    const secretsNamed = [
      ...(container.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name).filter(Boolean),
      ...(container.envFrom ?? []).map((e) => e.secretRef?.name).filter(Boolean),
    ];
    assert.deepEqual(secretsNamed, ["console-oidc-client"]);
    assert.equal(console.spec.template.spec.serviceAccountName, "console");
    assert.ok(!docs.some((doc) => doc.kind === "Secret" && doc.metadata.name === "console-oidc-client"));
  });

  test(`${target}: the console may reach the three management APIs and the OIDC provider, nothing else`, () => {
    const policy = docs.find((doc) => doc.kind === "NetworkPolicy" && doc.metadata.name === "console");
    const peers = policy.spec.egress.map((rule) => {
      const to = rule.to.map(
        (peer) =>
          peer.podSelector?.matchLabels?.["app.kubernetes.io/name"] ??
          peer.podSelector?.matchLabels?.["hookyard.io/role"] ??
          peer.podSelector?.matchLabels?.["k8s-app"] ??
          peer.ipBlock?.cidr,
      );
      return `${to.join("+")}:${(rule.ports ?? []).map((p) => p.port).join("/") || "any"}`;
    });
    const expected = [
      "receiver-service:8081",
      "rules-service:8082",
      "delivery-service:8083",
      "oidc:any",
      "kube-dns:53/53",
    ];
    // The external issuer of prod is reached over HTTPS on public addresses.
    if (target === "prod") expected.push("0.0.0.0/0:443");
    assert.deepEqual(peers, expected);
    for (const [service, port] of [
      ["receiver-service", 8081],
      ["rules-service", 8082],
      ["delivery-service", 8083],
    ]) {
      const own = docs.find((doc) => doc.kind === "NetworkPolicy" && doc.metadata.name === service);
      assert.ok(
        own.spec.ingress.some(
          (rule) =>
            rule.from.some((peer) => peer.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "console") &&
            rule.ports.some((p) => p.port === port),
        ),
        `${service} does not admit the console on ${port}`,
      );
    }
  });
}

test("prod: Prometheus scrapes every service and the alerts are defined", () => {
  const docs = rendered.get("prod");
  const monitor = docs.find((doc) => doc.kind === "ServiceMonitor");
  assert.ok(monitor, "no ServiceMonitor");
  const wanted = monitor.spec.selector.matchLabels;
  for (const service of docs.filter(
    (doc) => doc.kind === "Service" && doc.metadata.labels?.["app.kubernetes.io/managed-by"] === "quarkus",
  )) {
    const labels = service.metadata.labels;
    assert.ok(
      Object.entries(wanted).every(([key, value]) => labels[key] === value),
      `${service.metadata.name} is not selected by the ServiceMonitor`,
    );
  }
  const alerts = docs
    .filter((doc) => doc.kind === "PrometheusRule")
    .flatMap((doc) => doc.spec.groups.flatMap((group) => group.rules.map((rule) => rule.alert)));
  for (const alert of ["HookyardDeliveryBacklogAge", "HookyardDeadLetters", "HookyardSignatureFailures"]) {
    assert.ok(alerts.includes(alert), `missing alert ${alert}`);
  }
});

test("prod: native images, a CloudNativePG cluster, an OIDC issuer outside the cluster", () => {
  const docs = rendered.get("prod");
  for (const service of hookyardServices(docs)) {
    const image = service.spec.template.spec.containers[0].image;
    if (service.metadata.name === "console") {
      // The console runs its JVM image of a release, never a snapshot.
      assert.match(image, /^docker\.io\/hookyard\/console:[0-9.]+$/);
    } else {
      assert.match(image, /-native$/);
    }
  }
  assert.ok(docs.some((doc) => doc.kind === "Cluster" && doc.apiVersion === "postgresql.cnpg.io/v1"));
  const config = docs.find((doc) => doc.kind === "ConfigMap" && doc.metadata.name.startsWith("hookyard-config"));
  assert.match(config.data.HOOKYARD_OIDC_URL, /^https:\/\//);
});

test("prod: the console sends https redirects and Secure cookies behind the TLS Ingress", () => {
  const docs = rendered.get("prod");
  const console = hookyardServices(docs).find((doc) => doc.metadata.name === "console");
  const env = Object.fromEntries(
    (console.spec.template.spec.containers[0].env ?? []).map((e) => [e.name, e.value]),
  );
  assert.equal(env.QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME, "true");
  assert.equal(env.QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE, "true");
  assert.ok(docs.some((doc) => doc.kind === "PodDisruptionBudget" && doc.metadata.name === "console"));
  assert.equal(console.spec.replicas, 2);
});

test("dev: one replica each, a PostgreSQL and a Keycloak, no autoscaling", () => {
  const docs = rendered.get("dev");
  for (const service of hookyardServices(docs)) {
    assert.equal(service.spec.replicas, 1, service.metadata.name);
  }
  assert.ok(docs.some((doc) => doc.kind === "StatefulSet" && doc.metadata.name === "hookyard-db"));
  assert.ok(docs.some((doc) => doc.kind === "Deployment" && doc.metadata.name === "keycloak"));
  assert.equal(docs.filter((doc) => doc.kind === "HorizontalPodAutoscaler").length, 0);
});

test("files under base/generated are marked as generated", () => {
  const dir = join(k8sDir, "base", "generated");
  const files = readdirSync(dir);
  assert.equal(files.length, 4);
  for (const file of files) {
    assert.match(readFileSync(join(dir, file), "utf8"), /^# GENERATED by k8s\/generate\.sh/, file);
  }
});
