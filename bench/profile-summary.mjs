// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the top functions by self time, and the
// same grouped by package / source file. Usage: node bench/profile-summary.mjs FILE [TOP=25]
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP]");
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
// timeDeltas[i] is the time before samples[i]; attribute it to that sample's node.
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/.*\/node_modules\//, "")
    .replace(/.*\/bench\/\.out\//, "bench/.out/");
const where = (frame) => (frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : "(native)");
const perFunction = new Map();
const perFile = new Map();
for (const [id, micros] of self) {
  const frame = byId.get(id).callFrame;
  const key = `${frame.functionName || "(anonymous)"}  ${where(frame)}`;
  perFunction.set(key, (perFunction.get(key) ?? 0) + micros);
  const group = frame.url
    ? shortUrl(frame.url)
        .split("/")
        .slice(0, shortUrl(frame.url).startsWith("@") ? 2 : 1)
        .join("/")
    : frame.functionName || "(native)";
  perFile.set(group, (perFile.get(group) ?? 0) + micros);
}
const print = (title, map, n) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
print("Top self time by function", perFunction, top);
print("Self time by package / bundle", perFile, 12);

// Inclusive (total) time per function of the bundle (src/ code), each counted once per stack.
const children = new Map(profile.nodes.map((node) => [node.id, node.children ?? []]));
const inclusive = new Map();
const rootNode = profile.nodes[0];
const walk = (id, onStack) => {
  const node = byId.get(id);
  const frame = node.callFrame;
  const name = frame.url.includes("/bench/.out/") ? frame.functionName || "(anonymous)" : undefined;
  const fresh = name !== undefined && !onStack.has(name);
  if (fresh) onStack.add(name);
  let total = self.get(id) ?? 0;
  for (const child of children.get(id)) total += walk(child, onStack);
  if (fresh) {
    onStack.delete(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + total);
  }
  return total;
};
walk(rootNode.id, new Set());
print("Inclusive time by function of lichhop (bundled src/)", inclusive, top);
