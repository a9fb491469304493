import { describe, expect, it } from "vitest";
import { check, ofKind } from "../helpers/checks";

const body = (session: string, verification: string[], min = "P7D", max = "P30D") => `checks: { dayOff: off, workingHours: off }
meetings:
  - { id: ky-hop, title: Kỳ họp HĐND, bodies: [tt-hdnd, ban-kt-ns], start: ${session}, end: ${session}, tags: [ky-hop] }
${verification
  .map((start, i) => `  - { id: tham-tra-${i}, title: Thẩm tra ${i}, body: ban-kt-ns, start: ${start}, duration: PT3H, tags: [tham-tra] }`)
  .join("\n")}
rules:
  - { id: tham-tra-truoc, title: Thẩm tra trước kỳ họp, kind: lead-time, before: { tags: [tham-tra] }, target: { tags: [ky-hop] }, min: ${min}, max: ${max} }
`;

describe("lead-time rules", () => {
  it.each([
    // session (all day, 00:00), verification starts, missing?
    ["2024-07-09", ["2024-06-27T08:00"], false, "12 days before"],
    ["2024-07-09", ["2024-07-02T00:00"], false, "exactly 7 days before: inclusive"],
    ["2024-07-09", ["2024-06-09T00:00"], false, "exactly 30 days before: inclusive"],
    ["2024-07-09", ["2024-07-02T00:01"], true, "one minute too late"],
    ["2024-07-09", ["2024-06-08T23:59"], true, "one minute too early"],
    ["2024-07-09", ["2024-07-05T08:00"], true, "4 days before: too late"],
    ["2024-07-09", ["2024-05-01T08:00", "2024-07-08T08:00"], true, "one too early, one too late"],
    ["2024-07-09", ["2024-05-01T08:00", "2024-06-20T08:00", "2024-07-08T08:00"], false, "one of three in the window"],
    ["2024-07-09", ["2024-07-20T08:00"], true, "after the session does not count"],
  ] as const)("session %s, verification %j: missing %s (%s)", (session, starts, missing, _why) => {
    const conflicts = ofKind(check(body(session, [...starts])), "lead-time");
    expect(conflicts).toHaveLength(missing ? 1 : 0);
  });

  it("reports one conflict per target lacking one, listing the target only", () => {
    const text = `checks: { dayOff: off, workingHours: off }
meetings:
  - { id: giua-nam, title: Kỳ họp giữa năm, body: tt-hdnd, start: 2024-07-09, end: 2024-07-11, tags: [ky-hop] }
  - { id: cuoi-nam, title: Kỳ họp cuối năm, body: tt-hdnd, start: 2024-12-09, end: 2024-12-11, tags: [ky-hop] }
  - { id: tham-tra, title: Thẩm tra, body: ban-kt-ns, start: 2024-06-27T08:00, duration: PT3H, tags: [tham-tra] }
rules:
  - { id: tt, title: Thẩm tra trước kỳ họp, kind: lead-time, before: { tags: [tham-tra] }, target: { tags: [ky-hop] }, min: P7D, max: P30D, severity: warning }
`;
    const result = check(text, { lang: "en" });
    const conflicts = ofKind(result, "lead-time");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ rule: "tt", severity: "warning", overlap: null, subjects: [] });
    expect(conflicts[0]?.occurrences.map((o) => o.meeting)).toEqual(["cuoi-nam"]);
    expect(result.report.conflicts[0]?.message).toBe(
      'breaks "Thẩm tra trước kỳ họp": no meeting starts 7 to 30 days before "Kỳ họp cuối năm" (Mon 09/12/2024–11/12/2024) (between 09/11/2024 00:00 and 02/12/2024 00:00)',
    );
  });

  it("does not let an occurrence satisfy its own rule", () => {
    const text = `checks: { dayOff: off, workingHours: off }
meetings:
  - { id: hop, title: Họp, body: tt-hdnd, start: 2024-03-05T08:00, duration: PT1H, tags: [a] }
rules:
  - { id: r, title: R, kind: lead-time, before: { tags: [a] }, target: { tags: [a] }, min: PT0S, max: P1D }
`;
    expect(ofKind(check(text), "lead-time")).toHaveLength(1);
  });

  it("checks every target of a long series without comparing all pairs", () => {
    const text = `checks: { dayOff: off, workingHours: off }
meetings:
  - { id: target, title: T, body: tt-hdnd, start: 2024-01-01T14:00, duration: PT1H, repeat: FREQ=DAILY, tags: [t] }
  - { id: prep, title: P, body: ban-kt-ns, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY;INTERVAL=2, tags: [p] }
rules:
  - { id: r, title: R, kind: lead-time, before: { tags: [p] }, target: { tags: [t] }, min: PT1H, max: PT6H }
`;
    // Preparations every other morning: the other days' afternoons lack one.
    expect(ofKind(check(text), "lead-time")).toHaveLength(183);
  });
});
