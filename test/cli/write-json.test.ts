import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeJson } from "../../src/cli/io";
import { runs } from "../helpers/runs";

function written(value: Record<string, unknown>): string {
  let text = "";
  writeJson(value, { stdout: (chunk) => (text += chunk), stderr: () => {} });
  return text;
}

describe("streamed JSON output", () => {
  it("is byte-identical to JSON.stringify(value, null, 2) plus a newline", () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(json, fc.array(json), fc.constant(undefined))), (value) => {
        expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: runs(300) },
    );
  });

  it("writes large arrays in chunks, not as one string", () => {
    const chunks: string[] = [];
    const occurrences = Array.from({ length: 20_000 }, (_, i) => ({ meeting: `m${i}`, start: "2024-01-01T08:00:00+07:00", title: "Họp" }));
    writeJson({ version: 1, occurrences }, { stdout: (chunk) => chunks.push(chunk), stderr: () => {} });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(`${JSON.stringify({ version: 1, occurrences }, null, 2)}\n`);
  });
});
