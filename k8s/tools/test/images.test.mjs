// Each service's Dockerfiles fit what the manifests expect of them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { hookyardServices } from "../policy.mjs";
import { k8sDir, render } from "../render.mjs";

const services = hookyardServices(render("base"));
const prodImages = new Map(
  hookyardServices(render("prod")).map((d) => [d.metadata.name, d.spec.template.spec.containers[0].image]),
);

for (const service of services) {
  const name = service.metadata.name;
  const port = service.spec.template.spec.containers[0].ports[0].containerPort;
  // A native Dockerfile where prod runs a native image; every module has the JVM one.
  const flavours = /-native$/.test(prodImages.get(name)) ? ["jvm", "native"] : ["jvm"];
  for (const flavour of flavours) {
    test(`${name}: Dockerfile.${flavour} runs as a numeric non-root user and exposes ${port}`, () => {
      const file = join(k8sDir, "..", name, "src", "main", "docker", `Dockerfile.${flavour}`);
      const lines = readFileSync(file, "utf8").split("\n");
      const users = lines.filter((line) => /^USER\s/.test(line)).map((line) => line.split(/\s+/)[1]);
      assert.ok(users.length > 0, "no USER");
      // runAsNonRoot can only be enforced when the image's user is a number.
      assert.match(users.at(-1), /^[1-9][0-9]*$/);
      assert.ok(lines.includes(`EXPOSE ${port}`), `does not expose ${port}`);
    });
  }
}

test("the three services and the console are found", () => {
  assert.deepEqual(services.map((s) => s.metadata.name).sort(), [
    "console",
    "delivery-service",
    "receiver-service",
    "rules-service",
  ]);
});
