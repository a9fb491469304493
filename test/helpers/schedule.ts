import { parseSchedule } from "../../src/load/parse";
import type { Schedule } from "../../src/schema/model";

/** A schedule from YAML lines, with one body, two people and two rooms unless given. */
export function scheduleFrom(meetings: string, extra = "", zone = "Asia/Ho_Chi_Minh"): Schedule {
  const text = `version: 1
timezone: ${zone}
locale: en
horizon: { from: 2024-01-01, to: 2024-12-31 }
bodies:
  - { id: hdnd, name: HĐND, groups: [hdnd] }
  - { id: ubnd, name: UBND, groups: [ubnd] }
people:
  - { id: an, name: An }
  - { id: binh, name: Bình }
rooms:
  - { id: r1, name: Room 1 }
  - { id: r2, name: Room 2 }
meetings:
${meetings}
${extra}`;
  return parseSchedule(text, { filename: "test.yaml" });
}
