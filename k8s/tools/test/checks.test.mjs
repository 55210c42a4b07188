// The checks themselves can fail: each refuses a document that breaks what it guards.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  containerViolations,
  ingressViolations,
  networkPolicyViolations,
  secretValueViolations,
} from "../policy.mjs";
import { schemaErrors } from "../schemas.mjs";

const probe = { httpGet: { path: "/q/health/live", port: 8081 } };

function deployment(container = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "receiver-service",
      labels: { "app.kubernetes.io/part-of": "hookyard", "app.kubernetes.io/managed-by": "quarkus" },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { "app.kubernetes.io/name": "receiver-service" } },
      template: {
        metadata: { labels: { "app.kubernetes.io/name": "receiver-service" } },
        spec: {
          containers: [
            {
              name: "receiver-service",
              image: "hookyard/receiver-service:1.0.0",
              livenessProbe: probe,
              readinessProbe: probe,
              startupProbe: probe,
              resources: {
                requests: { cpu: "100m", memory: "128Mi" },
                limits: { cpu: "1", memory: "256Mi" },
              },
              securityContext: {
                runAsNonRoot: true,
                readOnlyRootFilesystem: true,
                allowPrivilegeEscalation: false,
                capabilities: { drop: ["ALL"] },
              },
              ...container,
            },
          ],
        },
      },
    },
  };
}

test("a compliant Deployment passes both the schema and the policy", async () => {
  assert.deepEqual(await schemaErrors(deployment()), []);
  assert.deepEqual(containerViolations([deployment()]), []);
});

test("a field of the wrong type fails the schema", async () => {
  const wrong = deployment();
  wrong.spec.replicas = "two";
  const errors = await schemaErrors(wrong);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /replicas must be integer/);
});

test("a container port given as text fails the schema", async () => {
  const errors = await schemaErrors(deployment({ ports: [{ containerPort: "8081" }] }));
  assert.match(errors.join(), /containerPort must be integer/);
});

test("a kind without a schema is an error, not a pass", async () => {
  const errors = await schemaErrors({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } });
  assert.match(errors.join(), /no schema for example.com\/v1\/Widget/);
});

test("CloudNativePG's Cluster is checked by its own schema", async () => {
  const cluster = {
    apiVersion: "postgresql.cnpg.io/v1",
    kind: "Cluster",
    metadata: { name: "hookyard-db" },
    spec: { instances: 3, storage: { size: "10Gi" } },
  };
  assert.deepEqual(await schemaErrors(cluster), []);
  assert.match((await schemaErrors({ ...cluster, spec: { ...cluster.spec, instances: "3" } })).join(), /instances must be integer/);
  assert.match((await schemaErrors({ ...cluster, spec: { ...cluster.spec, instance: 3 } })).join(), /additional properties/);
});

test("a ServiceMonitor of the wrong shape fails the Prometheus Operator's schema", async () => {
  const errors = await schemaErrors({
    apiVersion: "monitoring.coreos.com/v1",
    kind: "ServiceMonitor",
    metadata: { name: "hookyard" },
    spec: { selector: {}, endpoints: "http" },
  });
  assert.match(errors.join(), /endpoints must be array/);
});

test("each container rule reports what is missing", () => {
  const broken = deployment({
    startupProbe: undefined,
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1" } },
    securityContext: { runAsNonRoot: false, capabilities: { drop: ["NET_RAW"] } },
    image: "hookyard/receiver-service:latest",
  });
  assert.deepEqual(containerViolations([broken]), [
    "Deployment/receiver-service container receiver-service: no startupProbe",
    "Deployment/receiver-service container receiver-service: no memory limit",
    "Deployment/receiver-service container receiver-service: runAsNonRoot is not true",
    "Deployment/receiver-service container receiver-service: readOnlyRootFilesystem is not true",
    "Deployment/receiver-service container receiver-service: allowPrivilegeEscalation is not false",
    "Deployment/receiver-service container receiver-service: capabilities do not drop ALL",
    "Deployment/receiver-service container receiver-service: image hookyard/receiver-service:latest has no pinned tag",
  ]);
});

test("a service without a NetworkPolicy, or with an ingress-only one, is reported", () => {
  const ingressOnly = {
    kind: "NetworkPolicy",
    metadata: { name: "receiver-service" },
    spec: {
      podSelector: { matchLabels: { "app.kubernetes.io/name": "receiver-service" } },
      policyTypes: ["Ingress"],
    },
  };
  const expected = ["Deployment/receiver-service: no NetworkPolicy for ingress and egress"];
  assert.deepEqual(networkPolicyViolations([deployment()]), expected);
  assert.deepEqual(networkPolicyViolations([deployment(), ingressOnly]), expected);
  const both = { ...ingressOnly, spec: { ...ingressOnly.spec, policyTypes: ["Ingress", "Egress"] } };
  assert.deepEqual(networkPolicyViolations([deployment(), both]), []);
});

test("a Secret with data or stringData is reported, one without values is not", () => {
  const secret = (extra) => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, ...extra });
  assert.equal(secretValueViolations([secret({ data: { password: "c2VjcmV0" } })]).length, 1);
  assert.equal(secretValueViolations([secret({ stringData: { password: "secret" } })]).length, 1);
  assert.deepEqual(secretValueViolations([secret({})]), []);
});

test("an Ingress path to /internal, /q, a catch-all or a loose console prefix is reported", () => {
  const ingress = (path) => ({
    kind: "Ingress",
    metadata: { name: "hookyard" },
    spec: { rules: [{ http: { paths: [{ path }] } }] },
  });
  assert.deepEqual(ingressViolations([ingress("/hooks/")]), []);
  assert.equal(ingressViolations([ingress("/internal/v1/events")]).length, 2);
  assert.equal(ingressViolations([ingress("/q/metrics")]).length, 2);
  assert.equal(ingressViolations([ingress("/")]).length, 1);
  assert.equal(ingressViolations([ingress("/api/v1/.*")]).length, 1);
  assert.deepEqual(ingressViolations([ingress("/console(/|$)")]), []);
  assert.equal(ingressViolations([ingress("/console")]).length, 1);
  assert.equal(ingressViolations([ingress("/console.*")]).length, 2);
});
