// Validates rendered documents against the Kubernetes schemas offline: the built-in kinds with
// kubernetes-models, the Prometheus Operator's kinds with @kubernetes-models/prometheus-operator,
// CloudNativePG's Cluster with our own schema (schemas/). A kind none of them knows is an error,
// never a silent pass.
import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), "schemas");

/** Where the model class of each API group lives. */
const packages = [
  { matches: (group) => group === "" || !group.includes("."), module: "kubernetes-models" },
  { matches: (group) => group.endsWith(".k8s.io"), module: "kubernetes-models" },
  {
    matches: (group) => group === "monitoring.coreos.com",
    module: "@kubernetes-models/prometheus-operator",
  },
];

/** Kinds we validate with a JSON schema of our own, by apiVersion and kind. */
const ownSchemas = {
  "postgresql.cnpg.io/v1/Cluster": "postgresql.cnpg.io_v1_Cluster.json",
};

const ajv = new Ajv({ allErrors: true, strict: true });
const compiled = new Map();

function ownValidator(key) {
  if (!compiled.has(key)) {
    const schema = JSON.parse(readFileSync(join(schemaDir, ownSchemas[key]), "utf8"));
    compiled.set(key, ajv.compile(schema));
  }
  return compiled.get(key);
}

async function modelClass(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const found = packages.find((p) => p.matches(group));
  if (!found) {
    return null;
  }
  try {
    const module = await import(`${found.module}/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch (error) {
    if (error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || error.code === "ERR_MODULE_NOT_FOUND") {
      return null;
    }
    throw error;
  }
}

/** The schema violations of one document, as messages; empty when it is valid. */
export async function schemaErrors(doc) {
  if (typeof doc?.apiVersion !== "string" || typeof doc?.kind !== "string") {
    return ["apiVersion and kind must be strings"];
  }
  const key = `${doc.apiVersion}/${doc.kind}`;
  if (ownSchemas[key]) {
    const validate = ownValidator(key);
    return validate(doc)
      ? []
      : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
  const Model = await modelClass(doc.apiVersion, doc.kind);
  if (!Model) {
    return [`no schema for ${key}: add one to k8s/tools/schemas.mjs`];
  }
  try {
    new Model(doc).validate();
    return [];
  } catch (error) {
    return [error.message];
  }
}
