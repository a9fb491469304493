import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, expectTypeOf, it, vi } from "vitest";
import type * as z from "zod";
import { NAMED_TYPES, schemaTypesSource, TYPES_COMMAND, TYPES_FILE } from "../../scripts/schema-types";
import * as calendar from "../../src/calendar/work-calendar";
import type {
  Body,
  CadenceRule,
  CalendarConfig,
  Change,
  CheckLevel,
  Checks,
  DatedMembership,
  LeadTimeRule,
  Meeting,
  MeetingInput,
  Membership,
  NoOverlapRule,
  OnDayOff,
  Person,
  Room,
  Rule,
  ScheduleFile,
  ScheduleFileInput,
  Selector,
  Severity,
  Source,
} from "../../src/index";
import * as schedule from "../../src/schema/schedule";

// The declarations test loads the built declarations (and zod's) into the TypeScript compiler.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = join(__dirname, "../..");

/** Type-checks that an `A` is assignable to a `B` and a `B` to an `A` (the identities must type-check). */
function mutual<A, B>(_toB: (a: A) => B, _toA: (b: B) => A): void {}

describe("the domain types written from the schemas (src/schema/types.ts)", () => {
  it(`are what the generator writes from the schemas now (run \`${TYPES_COMMAND}\` after a schema change)`, () => {
    const committed = readFileSync(join(ROOT, TYPES_FILE), "utf8");
    expect(schemaTypesSource(ROOT), `${TYPES_FILE} is out of date: run \`${TYPES_COMMAND}\``).toBe(committed);
  });

  // Checked by tsc (npm test runs `tsc --noEmit`, which covers test/): a field added to, removed
  // from or retyped in a schema without regenerating fails here.
  const CHECKED = [
    "ScheduleFile",
    "Body",
    "Person",
    "Membership",
    "DatedMembership",
    "Room",
    "Meeting",
    "Change",
    "Source",
    "Selector",
    "Rule",
    "NoOverlapRule",
    "CadenceRule",
    "LeadTimeRule",
    "Checks",
    "CheckLevel",
    "Severity",
    "OnDayOff",
    "CalendarConfig",
  ];
  it("equal zod's output types, each of them", () => {
    expectTypeOf<ScheduleFile>().toEqualTypeOf<z.output<typeof schedule.scheduleFileSchema>>();
    expectTypeOf<Body>().toEqualTypeOf<z.output<typeof schedule.bodySchema>>();
    expectTypeOf<Person>().toEqualTypeOf<z.output<typeof schedule.personSchema>>();
    expectTypeOf<Membership>().toEqualTypeOf<z.output<typeof schedule.membershipSchema>>();
    expectTypeOf<DatedMembership>().toEqualTypeOf<z.output<typeof schedule.datedMembershipSchema>>();
    expectTypeOf<Room>().toEqualTypeOf<z.output<typeof schedule.roomSchema>>();
    expectTypeOf<Meeting>().toEqualTypeOf<z.output<typeof schedule.meetingSchema>>();
    expectTypeOf<Change>().toEqualTypeOf<z.output<typeof schedule.changeSchema>>();
    expectTypeOf<Source>().toEqualTypeOf<z.output<typeof schedule.sourceSchema>>();
    expectTypeOf<Selector>().toEqualTypeOf<z.output<typeof schedule.selectorSchema>>();
    expectTypeOf<Rule>().toEqualTypeOf<z.output<typeof schedule.ruleSchema>>();
    expectTypeOf<NoOverlapRule>().toEqualTypeOf<z.output<typeof schedule.noOverlapRuleSchema>>();
    expectTypeOf<CadenceRule>().toEqualTypeOf<z.output<typeof schedule.cadenceRuleSchema>>();
    expectTypeOf<LeadTimeRule>().toEqualTypeOf<z.output<typeof schedule.leadTimeRuleSchema>>();
    expectTypeOf<Checks>().toEqualTypeOf<z.output<typeof schedule.checksSchema>>();
    expectTypeOf<CheckLevel>().toEqualTypeOf<z.output<typeof schedule.checkLevelSchema>>();
    expectTypeOf<Severity>().toEqualTypeOf<z.output<typeof schedule.severitySchema>>();
    expectTypeOf<OnDayOff>().toEqualTypeOf<z.output<typeof schedule.onDayOffSchema>>();
    expectTypeOf<CalendarConfig>().toEqualTypeOf<z.output<typeof calendar.calendarConfigSchema>>();
    expect(CHECKED).toEqual(NAMED_TYPES.filter((named) => named.form !== "imported").map((named) => named.name));
  });

  it("and zod's output types are assignable to them and back", () => {
    mutual<ScheduleFile, z.output<typeof schedule.scheduleFileSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Body, z.output<typeof schedule.bodySchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Person, z.output<typeof schedule.personSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Membership, z.output<typeof schedule.membershipSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<DatedMembership, z.output<typeof schedule.datedMembershipSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Room, z.output<typeof schedule.roomSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Meeting, z.output<typeof schedule.meetingSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Change, z.output<typeof schedule.changeSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Source, z.output<typeof schedule.sourceSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Selector, z.output<typeof schedule.selectorSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Rule, z.output<typeof schedule.ruleSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<NoOverlapRule, z.output<typeof schedule.noOverlapRuleSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<CadenceRule, z.output<typeof schedule.cadenceRuleSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<LeadTimeRule, z.output<typeof schedule.leadTimeRuleSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Checks, z.output<typeof schedule.checksSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<CheckLevel, z.output<typeof schedule.checkLevelSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<Severity, z.output<typeof schedule.severitySchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<OnDayOff, z.output<typeof schedule.onDayOffSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<CalendarConfig, z.output<typeof calendar.calendarConfigSchema>>(
      (a) => a,
      (b) => b,
    );
  });

  // What an app writes before validation: each input type equals zod's input type.
  const INPUTS = ["ScheduleFileInput", "MeetingInput"];
  it("and the input types equal zod's input types, each of them", () => {
    expectTypeOf<ScheduleFileInput>().toEqualTypeOf<z.input<typeof schedule.scheduleFileSchema>>();
    expectTypeOf<MeetingInput>().toEqualTypeOf<z.input<typeof schedule.meetingSchema>>();
    mutual<ScheduleFileInput, z.input<typeof schedule.scheduleFileSchema>>(
      (a) => a,
      (b) => b,
    );
    mutual<MeetingInput, z.input<typeof schedule.meetingSchema>>(
      (a) => a,
      (b) => b,
    );
    expect(INPUTS).toEqual(NAMED_TYPES.flatMap((named) => (named.input ? [named.input.name] : [])));
  });

  it("write an input type of its own only where it differs from the domain type (a list with a default)", () => {
    expectTypeOf<ScheduleFileInput["meetings"]>().toEqualTypeOf<Meeting[] | undefined>();
    expectTypeOf<ScheduleFile["meetings"]>().toEqualTypeOf<Meeting[]>();
    expectTypeOf<MeetingInput>().toEqualTypeOf<Meeting>();
    const source = readFileSync(join(ROOT, TYPES_FILE), "utf8");
    expect(source).toMatch(/\nexport interface ScheduleFileInput \{\n/);
    expect(source).toMatch(/\n {2}meetings\?: Meeting\[\] \| undefined;\n/);
    expect(source).toMatch(/\n {2}version: ScheduleFileSchemaInput\["version"\];\n/);
    expect(source).toMatch(/\nexport type MeetingInput = Meeting;\n/);
  });

  it("name the domain types a field holds, so that hovers and docs link them", () => {
    expectTypeOf<Meeting["changes"]>().toEqualTypeOf<Change[] | undefined>();
    expectTypeOf<ScheduleFile["rules"]>().toEqualTypeOf<Rule[]>();
    expectTypeOf<NoOverlapRule["between"]>().toEqualTypeOf<[Selector, Selector]>();
    const source = readFileSync(join(ROOT, TYPES_FILE), "utf8");
    expect(source).toMatch(/\n {2}changes\?: Change\[\] \| undefined;\n/);
    expect(source).toMatch(/\n {2}people: Person\[\];\n/);
    expect(source).toMatch(/\n {2}rules: Rule\[\];\n/);
    expect(source).toMatch(/\nexport type Rule = NoOverlapRule \| CadenceRule \| LeadTimeRule;\n/);
    expectTypeOf<Membership>().toEqualTypeOf<string | DatedMembership>();
    expect(source).toMatch(/\nexport type Membership = string \| DatedMembership;\n/);
  });
});

describe("the built declarations (dist/index.d.ts, after `npx tsup`)", () => {
  const schemas = { ...schedule, ...calendar } as unknown as Record<string, z.ZodType>;
  const described = (schema: z.ZodType | undefined): string | undefined => {
    for (let s = schema; s !== undefined; s = (s._zod.def as { innerType?: z.ZodType }).innerType) {
      if (s.description !== undefined) return s.description;
    }
    return undefined;
  };
  const interfaces = NAMED_TYPES.filter((named) => named.form === "interface");

  const files = ["dist/index.d.ts", "dist/index.d.cts"];
  let program: ts.Program | undefined;
  it.each(files)("give every field of the domain types its schema's description, in %s", (file) => {
    expect(existsSync(join(ROOT, file)), `${file} is missing: run npx tsup`).toBe(true);
    program ??= ts.createProgram(
      files.map((name) => join(ROOT, name)),
      { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [] },
    );
    const documented = fieldDocs(program, join(ROOT, file));
    // The field most files use: an editor's hover over `meeting.repeat` shows its description.
    expect(documented.get("Meeting")?.get("repeat")).toBe(
      'An RFC 5545 RRULE ("FREQ=MONTHLY;BYDAY=1TH": the first Thursday of every month), in the meeting\'s local time.',
    );
    expect(documented.get("ScheduleFile")?.get("horizon.from")).toBe("First local date checked.");
    // And over the fields of what an app writes: `MeetingInput` is `Meeting`, `ScheduleFileInput` its own interface.
    expect(documented.get("MeetingInput")?.get("repeat")).toBe(documented.get("Meeting")?.get("repeat"));
    expect(documented.get("ScheduleFileInput")?.get("meetings")).toBe("The meetings (cuộc họp), one-off or recurring.");
    expect(documented.get("DatedMembership")?.get("from")).toBe(
      "First local date of the membership, inclusive, in the schedule's zone; absent: from the start.",
    );
    const declared = interfaces.flatMap((named) =>
      [named.name, ...(named.input ? [named.input.name] : [])].map((name) => ({ named, name })),
    );
    for (const { named, name } of declared) {
      const schema = schemas[named.schema] as z.ZodObject;
      const fields = documented.get(name);
      expect(fields, `${name} is not exported by ${file}`).toBeDefined();
      for (const [key, field] of Object.entries(schema.shape)) {
        expect(fields?.get(key), `${name}.${key}`).toBe(described(field as z.ZodType));
      }
    }
  });
});

/**
 * The TSDoc of each property of each exported interface (or alias of one) of a declaration file as
 * an editor shows it (whitespace joined), by interface and property; a property of an object a
 * property holds as `property.nested`.
 */
function fieldDocs(program: ts.Program, file: string): Map<string, Map<string, string>> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${file} is no module`);
  const doc = (symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
  const result = new Map<string, Map<string, string>>();
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declared = checker.getDeclaredTypeOfSymbol(symbol);
    if (!((declared.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Interface)) continue;
    const fields = new Map<string, string>();
    for (const property of declared.getProperties()) {
      fields.set(property.name, doc(property));
      const type = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      if (type.isUnion() || !(type.flags & ts.TypeFlags.Object) || (type.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Interface) continue;
      if (checker.isArrayType(type) || checker.isTupleType(type)) continue;
      for (const nested of type.getProperties()) fields.set(`${property.name}.${nested.name}`, doc(nested));
    }
    result.set(exported.name, fields);
  }
  return result;
}
