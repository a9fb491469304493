import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fnv1a64 } from "../../src/conflicts/fingerprint";
import { runs } from "../helpers/runs";

/** The textbook definition on 64-bit integers, as the oracle. */
function fnv1a64BigInt(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

describe("the conflict fingerprint hash", () => {
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("is 64-bit FNV-1a (%j → %s)", (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it("equals 64-bit arithmetic on any text, Vietnamese included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(fnv1a64(text)).toBe(fnv1a64BigInt(text));
      }),
      { numRuns: runs(500) },
    );
  });
});
