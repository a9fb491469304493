import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { gatherCheck } from "../../src/check";
import { parseSchedule } from "../../src/load/parse";
import { streamView } from "../../src/report/formats/checks";
import { formatGithub, formatGithubSummary, writeGithub, writeGithubSummary } from "../../src/report/formats/github";
import { formatJunit, writeJunit } from "../../src/report/formats/junit";
import { formatSarif, writeSarif } from "../../src/report/formats/sarif";
import { findingsReport, findingsStream } from "../../src/report/report";
import { scheduleFrom } from "../helpers/schedule";

const example = parseSchedule(readFileSync(resolve(__dirname, "../../examples/lang-son-2024.yaml"), "utf8"), {
  filename: "examples/lang-son-2024.yaml",
});

/** Two rooms' worth of daily clashes and a rule the schedule does not define a check for. */
const dense = scheduleFrom(
  Array.from(
    { length: 12 },
    (_, i) =>
      `  - { id: m${i}, title: Họp ${i}, body: ${i % 2 ? "hdnd" : "ubnd"}, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY;COUNT=20, room: r${(i % 2) + 1} }`,
  ).join("\n"),
  "rules:\n  - { id: r, title: HĐND không trùng UBND, kind: no-overlap, between: [{ bodies: [hdnd] }, { bodies: [ubnd] }] }\n",
);

/** The text a writer writes, and how many pieces it wrote it in. */
function written(run: (write: (text: string) => void) => void): { text: string; pieces: number } {
  const pieces: string[] = [];
  run((text) => void pieces.push(text));
  return { text: pieces.join(""), pieces: pieces.length };
}

describe("CI formats written a finding at a time", () => {
  for (const [name, schedule] of [
    ["the example", example],
    ["a dense schedule", dense],
  ] as const) {
    for (const lang of ["vi", "en"] as const) {
      it(`are byte for byte the formatted findings report: ${name}, ${lang}`, () => {
        const gathered = gatherCheck(schedule, { lang }, "none");
        if (!gathered.ok) throw new Error(JSON.stringify(gathered.issues));
        const { frame, context, locator } = gathered;
        const report = findingsReport(frame, context, locator);
        const view = () => streamView(findingsStream(frame, context, locator));
        expect(frame.findings.length).toBeGreaterThan(3);

        const github = written((write) => writeGithub(view(), lang, write));
        expect(github.text).toBe(formatGithub(report, { lang }));
        expect(github.pieces).toBe(frame.findings.length + 1);
        const summary = written((write) => writeGithubSummary(report.summary, view(), lang, write));
        expect(summary.text).toBe(formatGithubSummary(report, { lang }));

        const junit = written((write) => writeJunit(view(), { schedule, lang }, write));
        expect(junit.text).toBe(formatJunit(report, { schedule, lang }));
        expect(junit.pieces).toBeGreaterThan(frame.findings.length);
        // Without the schedule, the suites are the rules and checks the findings name.
        expect(written((write) => writeJunit(view(), { lang }, write)).text).toBe(formatJunit(report, { lang }));

        const sarif = written((write) => writeSarif(view(), { schedule, lang, toolVersion: "1.2.3" }, write));
        expect(sarif.text).toBe(formatSarif(report, { schedule, lang, toolVersion: "1.2.3" }));
        expect(sarif.pieces).toBe(frame.findings.length + 2);
        expect(JSON.parse(sarif.text).runs[0].results).toHaveLength(frame.findings.length);
      });
    }
  }

  it("write a report without findings as the formatters do", () => {
    const schedule = scheduleFrom("  - { id: a, title: A, body: hdnd, start: 2024-03-05T08:00, duration: PT1H }");
    const gathered = gatherCheck(schedule, { lang: "en" }, "none");
    if (!gathered.ok) throw new Error(JSON.stringify(gathered.issues));
    const { frame, context, locator } = gathered;
    const report = findingsReport(frame, context, locator);
    const view = () => streamView(findingsStream(frame, context, locator));
    expect(report.findings).toEqual([]);
    expect(written((write) => writeGithub(view(), "en", write)).text).toBe(formatGithub(report, { lang: "en" }));
    expect(written((write) => writeJunit(view(), { schedule, lang: "en" }, write)).text).toBe(
      formatJunit(report, { schedule, lang: "en" }),
    );
    expect(written((write) => writeSarif(view(), { schedule, lang: "en" }, write)).text).toBe(
      formatSarif(report, { schedule, lang: "en" }),
    );
  });
});
