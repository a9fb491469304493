// "Did you mean" compared every unknown id with every known one: 500 people with 60-character
// ids and 500 bad references (75 KB) took 7.2 s, 150 KB took 28.6 s. Hint work now has a budget
// of table cells; every reference is still reported, the hints run out first.
import { describe, expect, it } from "vitest";
import { safeParseSchedule } from "../../src";
import { MAX_HINT_CELLS } from "../../src/limits";

const file = (people: number, references: number) => `version: 1
locale: en
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: b, name: B }]
people:
${Array.from({ length: people }, (_, i) => `  - { id: ${"p".repeat(50)}${String(i).padStart(9, "0")}, name: P }`).join("\n")}
meetings:
  - { id: m, title: M, body: b, start: 2024-01-02T08:00, duration: PT1H, attendees: [${Array.from({ length: references }, (_, i) => `${"q".repeat(50)}${String(i).padStart(9, "0")}`).join(", ")}] }
`;

describe("did-you-mean hints have a budget", () => {
  it("reports all 500 unknown references of a 75 KB file, each positioned", () => {
    const result = safeParseSchedule(file(500, 500), { filename: "hints.yaml" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(500);
    expect(result.issues.every((issue) => issue.code === "unknown-reference" && issue.line === 507)).toBe(true);
  });

  it("reports every reference of a 150 KB file too, within the issue cap", () => {
    const result = safeParseSchedule(file(1000, 1000), { filename: "hints.yaml" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.filter((issue) => issue.code === "unknown-reference")).toHaveLength(1000);
  });

  it("still hints where the budget allows: a typo among few ids", () => {
    const text = `version: 1
locale: en
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: b, name: B }]
people: [{ id: doan-thi-hau, name: Hậu }]
meetings:
  - { id: m, title: M, body: b, start: 2024-01-02T08:00, duration: PT1H, attendees: [doan-thi-hua] }
`;
    const result = safeParseSchedule(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('did you mean "doan-thi-hau"?');
  });

  it("the budget is a stated number", () => {
    expect(MAX_HINT_CELLS).toBe(5_000_000);
  });
});
