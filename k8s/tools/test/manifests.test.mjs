// Every Kustomize target renders, and every rendered document matches its schema.
import assert from "node:assert/strict";
import { test } from "node:test";
import { describe, render, targets } from "../render.mjs";
import { schemaErrors } from "../schemas.mjs";

for (const target of targets()) {
  test(`${target} renders and every document matches its Kubernetes schema`, async () => {
    const docs = render(target);
    assert.ok(docs.length > 0, `${target} rendered nothing`);
    const problems = [];
    for (const doc of docs) {
      for (const error of await schemaErrors(doc)) {
        problems.push(`${describe(doc)}: ${error}`);
      }
    }
    assert.deepEqual(problems, []);
  });
}

test("the base and the overlays are all checked", () => {
  assert.deepEqual(targets().slice(0, 1), ["base"]);
  assert.ok(targets().includes("dev") && targets().includes("prod"));
});
