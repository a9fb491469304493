import { describe, expect, it } from "vitest";
import { check, ofKind } from "../helpers/checks";

const pair = (scope: string, hdnd: [string, string], ubnd: [string, string], minGap = "") => `meetings:
  - { id: hdnd, title: Họp HĐND, body: tt-hdnd, start: ${hdnd[0]}, end: ${hdnd[1]} }
  - { id: ubnd, title: Họp UBND, body: ubnd, start: ${ubnd[0]}, end: ${ubnd[1]} }
rules:
  - { id: r, title: HĐND không trùng UBND, kind: no-overlap, between: [{ groups: [hdnd] }, { bodies: [ubnd] }]${scope ? `, scope: ${scope}` : ""}${minGap} }
`;

describe("no-overlap scope", () => {
  it.each([
    // scope, HĐND, UBND, clash
    ["", ["2024-03-05T08:00", "2024-03-05T09:00"], ["2024-03-05T09:00", "2024-03-05T10:00"], false, "exact: back-to-back is no overlap"],
    ["exact", ["2024-03-05T08:00", "2024-03-05T09:30"], ["2024-03-05T09:00", "2024-03-05T10:00"], true, "exact: overlapping minutes"],
    ["half-day", ["2024-03-05T07:30", "2024-03-05T08:30"], ["2024-03-05T10:00", "2024-03-05T11:00"], true, "the same morning"],
    [
      "half-day",
      ["2024-03-05T08:00", "2024-03-05T12:00"],
      ["2024-03-05T12:00", "2024-03-05T13:00"],
      false,
      "a morning ending at noon and an afternoon",
    ],
    ["half-day", ["2024-03-05T08:00", "2024-03-05T11:00"], ["2024-03-05T14:00", "2024-03-05T16:00"], false, "morning and afternoon"],
    [
      "half-day",
      ["2024-03-05T11:00", "2024-03-05T12:30"],
      ["2024-03-05T16:00", "2024-03-05T17:00"],
      true,
      "a meeting across noon touches the afternoon",
    ],
    [
      "half-day",
      ["2024-03-05T14:00", "2024-03-05T15:00"],
      ["2024-03-05T23:00", "2024-03-06T00:00"],
      true,
      "the afternoon runs to midnight",
    ],
    ["half-day", ["2024-03-05T14:00", "2024-03-05T15:00"], ["2024-03-06T08:00", "2024-03-06T09:00"], false, "another date"],
    ["half-day", ["2024-03-05", "2024-03-05"], ["2024-03-05T16:00", "2024-03-05T17:00"], true, "an all-day item touches both halves"],
    ["day", ["2024-03-05T07:30", "2024-03-05T08:00"], ["2024-03-05T16:00", "2024-03-05T17:00"], true, "the same local date"],
    ["day", ["2024-03-05T07:30", "2024-03-05T08:00"], ["2024-03-06T07:30", "2024-03-06T08:00"], false, "the next date"],
    [
      "day",
      ["2024-03-05T22:00", "2024-03-06T01:00"],
      ["2024-03-06T16:00", "2024-03-06T17:00"],
      true,
      "a meeting past midnight touches the next date",
    ],
    [
      "day",
      ["2024-03-05T22:00", "2024-03-06T00:00"],
      ["2024-03-06T00:00", "2024-03-06T01:00"],
      false,
      "ending at midnight does not touch the next date",
    ],
  ] as const)("%s: %j vs %j → %s (%s)", (scope, hdnd, ubnd, clash, _why) => {
    const conflicts = ofKind(check(pair(scope, [...hdnd], [...ubnd])), "rule");
    expect(conflicts).toHaveLength(clash ? 1 : 0);
  });

  it("reports a half-day clash with overlap null and both occurrences", () => {
    const conflict = ofKind(
      check(pair("half-day", ["2024-03-05T07:30", "2024-03-05T08:30"], ["2024-03-05T10:00", "2024-03-05T11:00"])),
      "rule",
    )[0];
    expect(conflict).toMatchObject({ rule: "r", overlap: null });
    expect(conflict?.occurrences.map((o) => o.meeting).sort()).toEqual(["hdnd", "ubnd"]);
  });

  it("reads half-days in the schedule's zone", () => {
    // 14:00 in Tokyo is 12:00 in Hà Nội: the afternoon there, so no clash with a morning meeting.
    const body = `meetings:
  - { id: hdnd, title: Họp HĐND, body: tt-hdnd, start: 2024-03-05T08:00, end: 2024-03-05T09:00 }
  - { id: ubnd, title: Họp UBND, body: ubnd, start: 2024-03-05T14:00, end: 2024-03-05T15:00, timezone: Asia/Tokyo }
rules:
  - { id: r, title: R, kind: no-overlap, between: [{ groups: [hdnd] }, { bodies: [ubnd] }], scope: half-day }
`;
    expect(ofKind(check(body), "rule")).toHaveLength(0);
  });

  it("finds every half-day clash of long series (the sweep keeps what the scope can reach)", () => {
    const body = `meetings:
  - { id: hdnd, title: Họp HĐND, body: tt-hdnd, start: 2024-01-01T07:30, end: 2024-01-01T08:00, repeat: FREQ=DAILY }
  - { id: ubnd, title: Họp UBND, body: ubnd, start: 2024-01-01T11:00, end: 2024-01-01T11:30, repeat: FREQ=DAILY }
rules:
  - { id: r, title: R, kind: no-overlap, between: [{ groups: [hdnd] }, { bodies: [ubnd] }], scope: half-day }
checks: { dayOff: off }
`;
    expect(ofKind(check(body), "rule")).toHaveLength(366);
  });
});
