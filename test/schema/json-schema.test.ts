import { readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { safeValidateSchedule } from "../../src/load/parse";
import { toJsonSchema } from "../../src/schema/json-schema";
import { scheduleFileSchema } from "../../src/schema/schedule";
import { CLI, FIXTURES, ROOT } from "../helpers/ci";

const SCHEMA_FILE = join(ROOT, "schema.json");
const shipped = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
// `email` is also given as a pattern, so the format needs no plug-in.
const ajv = new Ajv2020({ allErrors: true, strict: true, formats: { email: true } });
const validate = ajv.compile(shipped);

const MINIMAL = {
  version: 1,
  horizon: { from: "2024-01-01", to: "2024-12-31" },
  bodies: [{ id: "ubnd", name: "UBND tỉnh" }],
  meetings: [{ id: "hop", title: "Họp", body: "ubnd", start: "2024-03-07T09:00", end: "2024-03-07T11:00" }],
};

type Edit = (doc: Record<string, any>) => void;
const bad: [string, Edit][] = [
  ["an unknown top-level field", (d) => (d.colour = "red")],
  ["an unknown meeting field", (d) => (d.meetings[0].room_id = "p1")],
  ["an unknown change field", (d) => (d.meetings[0].changes = [{ occurrence: "2024-03-07", moved: true }])],
  ["a missing version", (d) => delete d.version],
  ["version 2", (d) => (d.version = 2)],
  ["a meeting without a title", (d) => delete d.meetings[0].title],
  ["a meeting without a start", (d) => delete d.meetings[0].start],
  ["a body without a name", (d) => delete d.bodies[0].name],
  ["meetings given as a mapping", (d) => (d.meetings = { hop: {} })],
  ["a start given as a number", (d) => (d.meetings[0].start = 20240307)],
  ["attendees given as a text", (d) => (d.meetings[0].attendees = "an")],
  ["an id with capitals", (d) => (d.meetings[0].id = "Hop")],
  ["an id starting with '-'", (d) => (d.bodies[0].id = "-ubnd")],
  ["an id of 65 characters", (d) => (d.meetings[0].id = "a".repeat(65))],
  ["an id with a space", (d) => (d.meetings[0].attendees = ["nguyen van a"])],
  ["a start that is no date", (d) => (d.meetings[0].start = "07/03/2024 09:00")],
  ["a duration in months", (d) => (d.meetings[0].duration = "P1M")],
  ["an unknown locale", (d) => (d.locale = "fr")],
  [
    "a rule of an unknown kind",
    (d) => (d.rules = [{ id: "r", title: "R", kind: "no-clash", between: [{ bodies: ["ubnd"] }, { bodies: ["ubnd"] }] }]),
  ],
  ["a no-overlap rule with one side", (d) => (d.rules = [{ id: "r", title: "R", kind: "no-overlap", between: [{ bodies: ["ubnd"] }] }])],
  ["a check level of 'fatal'", (d) => (d.checks = { room: "fatal" })],
  ["an e-mail without a domain", (d) => (d.people = [{ id: "an", name: "An", email: "an@" }])],
  ["a membership without its body", (d) => (d.people = [{ id: "an", name: "An", bodies: [{ from: "2024-03-01" }] }])],
  ["a membership with an unknown field", (d) => (d.people = [{ id: "an", name: "An", bodies: [{ body: "ubnd", form: "2024-03-01" }] }])],
  ["a membership from a date-time", (d) => (d.people = [{ id: "an", name: "An", bodies: [{ body: "ubnd", from: "2024-03-01T08:00" }] }])],
];

describe("the JSON Schema (schema.json)", () => {
  it("is draft 2020-12 and is exactly what the zod schemas give (run `lichhop schema > schema.json` after a schema change)", () => {
    expect(shipped.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(shipped).toEqual(toJsonSchema());
  });

  it("is byte for byte what `lichhop schema` prints", () => {
    const result = spawnSync(process.execPath, [CLI, "schema"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(SCHEMA_FILE, "utf8"));
  });

  const examples = [
    ...readdirSync(join(ROOT, "examples"))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join(ROOT, "examples", f)),
    ...["lang-son-base.yaml", "small.yaml"].map((f) => join(FIXTURES, f)),
  ];
  it.each(examples)("accepts %s", (file) => {
    const data = parseYaml(readFileSync(file, "utf8"));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts a minimal schedule, as zod does", () => {
    expect(validate(MINIMAL)).toBe(true);
    expect(scheduleFileSchema.safeParse(MINIMAL).success).toBe(true);
  });

  it("accepts memberships given as a body id or with their dates, as zod does", () => {
    const doc = {
      ...MINIMAL,
      people: [{ id: "an", name: "An", bodies: ["ubnd", { body: "ubnd", from: "2024-01-01", to: "2024-03-31" }, { body: "ubnd" }] }],
    };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(scheduleFileSchema.safeParse(doc).success).toBe(true);
  });

  it.each(bad)("rejects %s, as zod does", (_, edit) => {
    const doc = structuredClone(MINIMAL) as Record<string, any>;
    edit(doc);
    expect(validate(doc)).toBe(false);
    expect(scheduleFileSchema.safeParse(doc).success).toBe(false);
  });

  // What the loader refuses beyond zod's shapes, where JSON Schema can say it too.
  const semantic: [string, Edit][] = [
    ["a day that does not exist (30/02)", (d) => (d.meetings[0].start = "2024-02-30T09:00")],
    ["a month 13", (d) => (d.horizon.to = "2024-13-01")],
    ["31 April", (d) => (d.meetings[0].changes = [{ occurrence: "2024-04-31", cancelled: true }])],
    ["a time 25:00", (d) => (d.meetings[0].end = "2024-03-07T25:00")],
    ["end beside duration", (d) => (d.meetings[0].duration = "PT1H")],
    [
      "end beside duration in a change",
      (d) => (d.meetings[0].changes = [{ occurrence: "2024-03-07T09:00", end: "2024-03-07T10:00", duration: "PT1H" }]),
    ],
    ["a repeat without FREQ", (d) => (d.meetings[0].repeat = "BYDAY=MO")],
    ["FREQ=DAYLY", (d) => (d.meetings[0].repeat = "FREQ=DAYLY;BYDAY=MO")],
    ["an unknown zone", (d) => (d.timezone = "Asia/Hanoi")],
  ];

  it.each(semantic)("rejects %s, as the loader does", (_, edit) => {
    const doc: Parameters<Edit>[0] = structuredClone(MINIMAL);
    edit(doc);
    expect(validate(doc)).toBe(false);
    expect(safeValidateSchedule(doc).ok).toBe(false);
  });

  const accepted: [string, Edit][] = [
    ["a lower-case rule with RRULE:", (d) => (d.meetings[0].repeat = "rrule:freq=weekly;byday=th")],
    ["29 February of a leap year", (d) => (d.meetings[0].start = "2024-02-29T09:00")],
    ["FREQ after another part", (d) => (d.meetings[0].repeat = "INTERVAL=2;FREQ=MONTHLY;BYDAY=1TH")],
    ["UTC", (d) => (d.timezone = "UTC")],
  ];

  it.each(accepted)("accepts %s, as the loader does", (_, edit) => {
    const doc: Parameters<Edit>[0] = structuredClone(MINIMAL);
    doc.meetings[0].end = undefined;
    doc.meetings[0].duration = "PT1H";
    edit(doc);
    const clean = JSON.parse(JSON.stringify(doc));
    expect(validate(clean), JSON.stringify(validate.errors)).toBe(true);
    expect(safeValidateSchedule(clean).ok).toBe(true);
  });

  it("describes every property, as the zod schema does", () => {
    const bare: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) for (const [k, item] of node.entries()) walk(item, `${path}[${k}]`);
      if (typeof node !== "object" || node === null) return;
      const { properties, not: _not, ...rest } = node as Record<string, unknown>;
      if (properties && typeof properties === "object") {
        for (const [name, value] of Object.entries(properties)) {
          if (typeof (value as { description?: unknown }).description !== "string") bare.push(`${path}.${name}`);
          walk(value, `${path}.${name}`);
        }
      }
      for (const [key, value] of Object.entries(rest)) walk(value, `${path}/${key}`);
    };
    walk(shipped, "");
    expect(bare).toEqual([]);
  });

  it("lists only zones the loader takes", () => {
    const zones = (shipped.properties.timezone.enum as string[]).filter((zone) => !safeValidateSchedule({ ...MINIMAL, timezone: zone }).ok);
    expect(zones).toEqual([]);
    expect(shipped.properties.timezone.enum).toContain("Asia/Ho_Chi_Minh");
  });

  it("is readable by a draft-07 validator", () => {
    const { $schema: _, ...body } = shipped;
    const draft07 = new Ajv({ strict: false, formats: { email: true } }).compile(body);
    expect(draft07(MINIMAL)).toBe(true);
    expect(draft07({ ...MINIMAL, version: 2 })).toBe(false);
  });

  it("the example's modeline points at the shipped schema", () => {
    expect(readFileSync(join(ROOT, "examples/lang-son-2024.yaml"), "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../schema.json",
    );
  });
});
