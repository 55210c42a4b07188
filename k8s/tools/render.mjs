// Renders Hookyard's Kustomize targets with `kubectl kustomize` and parses the documents.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const k8sDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The base and every overlay, by name ("base", "dev", "prod", ...). */
export function targets() {
  const overlays = readdirSync(join(k8sDir, "overlays"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return ["base", ...overlays];
}

export function targetDir(name) {
  return name === "base" ? join(k8sDir, "base") : join(k8sDir, "overlays", name);
}

/** Every document `kubectl kustomize` renders for a target; throws with kubectl's message. */
export function render(name) {
  const yaml = execFileSync("kubectl", ["kustomize", targetDir(name)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseDocuments(yaml);
}

export function parseDocuments(yaml) {
  return parseAllDocuments(yaml).flatMap((document) => {
    if (document.errors.length > 0) {
      throw new Error(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    }
    const value = document.toJS();
    return value == null ? [] : [value];
  });
}

/** "Kind/name" for messages. */
export function describe(doc) {
  return `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;
}
