#!/usr/bin/env node
// Writes schema.json (the schedule file's JSON Schema) from the built package: run `npx tsup` first.
// The same bytes as `lichhop schema > schema.json`; test/ci/json-schema.test.ts keeps it in sync.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { toJsonSchema } from "../dist/index.js";

const target = fileURLToPath(new URL("../schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(toJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
