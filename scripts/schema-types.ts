// The source of src/schema/types.ts: the schedule file's domain types as named interfaces whose
// every property carries its zod schema's description as TSDoc, its type still read from zod
// (`z.output<typeof schema>["field"]`), and a property holding another named schema's value typed
// by that name; and the same for the types of what an app writes before validation
// (`z.input<typeof schema>`). scripts/gen-types.mjs writes it; test/schema/types.test.ts checks it
// is current.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as calendar from "../src/calendar/work-calendar";
import * as schedule from "../src/schema/schedule";

/** The generated file, from the repository's root. */
export const TYPES_FILE = "src/schema/types.ts";
/** The command that writes it again. */
export const TYPES_COMMAND = "npm run schema:types";

/** The modules the schemas come from, as src/schema/types.ts imports them. */
const MODULES = { "./schedule": schedule, "../calendar/work-calendar": calendar } as const;
type Module = keyof typeof MODULES;

interface NamedType {
  /** The exported type's name. */
  readonly name: string;
  readonly module: Module;
  /** The schema's export in `module`. */
  readonly schema: string;
  /** The type's TSDoc when its schema has no description. */
  readonly doc?: string;
  readonly example?: string;
  /**
   * `interface` (an object schema), `alias` (`z.output` of a leaf schema, or a union of the named
   * types and object shapes of a union schema), `imported` (declared in `module`: referenced only).
   */
  readonly form: "interface" | "alias" | "imported";
  /**
   * The type of what an app writes before validation (`z.input`), exported under this name: an
   * interface of its own when it differs from the domain type (a field with a default may be left
   * out), else an alias of the domain type.
   */
  readonly input?: { readonly name: string; readonly doc: string };
}

/** Every named type of the schedule file's schemas, in the order of the generated file. */
export const NAMED_TYPES: readonly NamedType[] = [
  {
    name: "ScheduleFile",
    module: "./schedule",
    schema: "scheduleFileSchema",
    doc: "The schedule file after shape validation (format version 1).",
    form: "interface",
    input: {
      name: "ScheduleFileInput",
      doc: "The schedule file as an app writes it, before validation (the input of {@link scheduleFileSchema}): a list left out is empty.",
    },
  },
  { name: "Body", module: "./schedule", schema: "bodySchema", form: "interface" },
  {
    name: "Person",
    module: "./schedule",
    schema: "personSchema",
    doc: "A person, with the bodies they are a member of.",
    form: "interface",
  },
  {
    name: "Membership",
    module: "./schedule",
    schema: "membershipSchema",
    doc: "A membership of a body: a body id (a member on every date), or `{ body, from, to }` between two inclusive local dates.",
    form: "alias",
  },
  {
    name: "DatedMembership",
    module: "./schedule",
    schema: "datedMembershipSchema",
    doc: "A membership of a body between two inclusive local dates (`{ body, from, to }`); a date left out leaves that side open.",
    form: "interface",
  },
  { name: "Room", module: "./schedule", schema: "roomSchema", doc: "A meeting room.", form: "interface" },
  {
    name: "Meeting",
    module: "./schedule",
    schema: "meetingSchema",
    doc: "A meeting, one-off or recurring (`repeat`), with its exceptions and changes.",
    form: "interface",
    input: { name: "MeetingInput", doc: "A meeting as a file writes it, before validation (what `importCalendar` makes of an event)." },
  },
  {
    name: "Change",
    module: "./schedule",
    schema: "changeSchema",
    doc: "One occurrence moved, changed or cancelled (an iCalendar RECURRENCE-ID override).",
    form: "interface",
  },
  {
    name: "Source",
    module: "./schedule",
    schema: "sourceSchema",
    doc: "A calendar kept elsewhere (Google Calendar, Outlook/Exchange, a portal), read as an .ics file beside the schedule.",
    form: "interface",
  },
  { name: "Selector", module: "./schedule", schema: "selectorSchema", form: "interface" },
  {
    name: "Rule",
    module: "./schedule",
    schema: "ruleSchema",
    doc: "A rule between bodies: no-overlap, cadence or lead-time.",
    form: "alias",
  },
  {
    name: "NoOverlapRule",
    module: "./schedule",
    schema: "noOverlapRuleSchema",
    doc: "The meetings of one side must not overlap those of the other.",
    form: "interface",
  },
  {
    name: "CadenceRule",
    module: "./schedule",
    schema: "cadenceRuleSchema",
    doc: "How many of the selected meetings each period holds.",
    form: "interface",
  },
  {
    name: "LeadTimeRule",
    module: "./schedule",
    schema: "leadTimeRuleSchema",
    doc: "Each target meeting has a before meeting min to max ahead.",
    form: "interface",
  },
  { name: "Checks", module: "./schedule", schema: "checksSchema", doc: "The levels of the built-in checks.", form: "interface" },
  {
    name: "CheckLevel",
    module: "./schedule",
    schema: "checkLevelSchema",
    doc: "A built-in check's level: error, warning, or off (`off` or `false`).",
    form: "alias",
  },
  { name: "Severity", module: "./schedule", schema: "severitySchema", doc: "error or warning.", form: "alias" },
  { name: "OnDayOff", module: "./schedule", schema: "onDayOffSchema", doc: "What happens to an occurrence on a day off.", form: "alias" },
  {
    name: "CalendarConfig",
    module: "../calendar/work-calendar",
    schema: "calendarConfigSchema",
    doc: "The `calendar:` section of a schedule file, as validated by {@link calendarConfigSchema}.",
    example: 'const config: CalendarConfig = { holidays: "vn", daysOff: ["2027-02-12"], workingDays: ["2027-02-20"] };',
    form: "interface",
  },
  { name: "Weekday", module: "../calendar/work-calendar", schema: "weekdaySchema", form: "imported" },
];

/** The parts of a zod v4 schema read here (its definition is shared by the copies `.meta()` makes). */
interface ZodLike {
  readonly description?: string | undefined;
  readonly _zod: { readonly def: ZodDef; readonly optin?: string | undefined; readonly optout?: string | undefined };
}
interface ZodDef {
  readonly type: string;
  readonly innerType?: ZodLike;
  readonly element?: ZodLike;
  readonly items?: readonly ZodLike[];
  readonly rest?: ZodLike | null;
  readonly options?: readonly ZodLike[];
  readonly shape?: Readonly<Record<string, ZodLike>>;
}

/** Which of a schema's zod types a declaration reads: what validation returns, or what an app writes. */
type Io = "output" | "input";

/** The formatter's line width (biome.jsonc), and the width of the text of a comment wrapped over lines. */
const WIDTH = 140;
const TEXT_WIDTH = 100;
const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "nonoptional", "catch"]);
/** Schemas whose input type is not their output type: a default fills in, a catch or transform maps. */
const CHANGING = new Set(["default", "prefault", "catch", "pipe", "transform"]);
/** Schemas of a single value, whose input and output types are the same. */
const LEAVES = new Set(["string", "number", "boolean", "bigint", "literal", "enum", "null", "undefined", "template_literal"]);
/** The leaf schemas a union of named types may hold, spelled as their keyword (`string | DatedMembership`). */
const KEYWORDS: Readonly<Record<string, string>> = { string: "string", number: "number", boolean: "boolean" };

function schemaOf(named: NamedType): ZodLike {
  const value = (MODULES[named.module] as Record<string, unknown>)[named.schema];
  if (value === undefined) throw new Error(`${named.module} exports no ${named.schema} (${named.name})`);
  return value as ZodLike;
}

/** The first description on the schema or the wrappers around its value. */
function describe(schema: ZodLike): string | undefined {
  for (let s: ZodLike | undefined = schema; s !== undefined; s = WRAPPERS.has(s._zod.def.type) ? s._zod.def.innerType : undefined) {
    if (s.description !== undefined) return s.description;
  }
  return undefined;
}

/** Whether what an app writes to `schema` may differ from what validation returns (`z.input` and `z.output`). */
function differs(schema: ZodLike): boolean {
  const def = schema._zod.def;
  if (CHANGING.has(def.type)) return true;
  if (LEAVES.has(def.type)) return false;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "nonoptional":
      return differs(def.innerType as ZodLike);
    case "array":
      return differs(def.element as ZodLike);
    case "tuple":
      return [...(def.items ?? []), ...(def.rest ? [def.rest] : [])].some(differs);
    case "union":
      return (def.options ?? []).some(differs);
    case "object":
      return Object.values(def.shape ?? {}).some(differs);
    default:
      throw new Error(`no rule for whether a ${def.type} schema's input and output types differ`);
  }
}

/** TSDoc text safe inside a block comment: no `*` and `/` that would end it, no `@` read as a tag. */
function docText(text: string): string {
  return text.replaceAll("*/", "*\\/").replace(/(^|\s)@/g, "$1\\@");
}

/** The words of `text` in lines of at most `width` characters (a longer word alone on its line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A TSDoc comment at `indent`: one line when it fits the formatter's width, else its text wrapped. */
function comment(indent: string, text: string, example?: string): string[] {
  const body = docText(text);
  if (example === undefined && `${indent}/** ${body} */`.length <= WIDTH) return [`${indent}/** ${body} */`];
  const lines = [`${indent}/**`, ...wrap(body, TEXT_WIDTH).map((line) => `${indent} * ${line}`)];
  if (example !== undefined)
    lines.push(`${indent} *`, `${indent} * @example`, `${indent} * \`\`\`ts`, `${indent} * ${example}`, `${indent} * \`\`\``);
  return [...lines, `${indent} */`];
}

class Generator {
  /** Named types by their schema's definition. */
  private readonly names = new Map<ZodDef, NamedType>();

  constructor(private readonly types: readonly NamedType[]) {
    for (const named of types) this.names.set(schemaOf(named)._zod.def, named);
  }

  /**
   * The name of a named type's `io` type: the domain type's name, also for what an app writes unless
   * that differs (then its input name).
   */
  private nameOf(named: NamedType, io: Io): string {
    if (io === "output" || !differs(schemaOf(named))) return named.name;
    if (named.input === undefined) throw new Error(`${named.name} is not the same before validation (a default?): give it an input name`);
    return named.input.name;
  }

  /** Whether a property's type is worth spelling out: it holds a named type or an object with described fields. */
  private spelled(schema: ZodLike, own = false): boolean {
    const def = schema._zod.def;
    if (!own && this.names.has(def)) return true;
    if (WRAPPERS.has(def.type)) return this.spelled(def.innerType as ZodLike);
    switch (def.type) {
      case "object":
        return true;
      case "array":
        return this.spelled(def.element as ZodLike);
      case "tuple":
        return !def.rest && (def.items ?? []).some((item) => this.spelled(item));
      case "union": {
        // Named types, and keywords beside them: typedoc shows an alias's type as written, and a path
        // into one option of a union (`Extract<Output, object>["body"]`) reads worse than zod's type.
        const options = def.options ?? [];
        const named = (option: ZodLike) => this.names.has(option._zod.def);
        return options.some(named) && options.every((option) => named(option) || option._zod.def.type in KEYWORDS);
      }
      default:
        return false;
    }
  }

  /**
   * The type of a value of `schema`, whose zod `io` type is `path`: the path itself, or the named
   * type, or the shape spelled out around the named types and described fields inside it.
   */
  type(schema: ZodLike, path: string, indent: string, io: Io, own = false): string {
    const def = schema._zod.def;
    const named = this.names.get(def);
    if (named !== undefined && !own) return this.nameOf(named, io);
    if (!this.spelled(schema, own)) return path;
    const inner = def.innerType as ZodLike;
    switch (def.type) {
      case "optional":
        return `${this.type(inner, `NonNullable<${path}>`, indent, io)} | undefined`;
      case "nullable":
        return `${this.type(inner, `NonNullable<${path}>`, indent, io)} | null`;
      case "default":
      case "prefault":
        // What an app writes may leave the value out: the default fills it in.
        return io === "input" ? `${this.type(inner, `NonNullable<${path}>`, indent, io)} | undefined` : this.type(inner, path, indent, io);
      case "nonoptional":
      case "catch":
        return this.type(inner, path, indent, io);
      case "array": {
        const element = this.type(def.element as ZodLike, `${path}[number]`, indent, io);
        return element.includes(" | ") || element.includes("\n") ? `(${element})[]` : `${element}[]`;
      }
      case "tuple":
        return `[${(def.items ?? []).map((item, i) => this.type(item, `${path}[${i}]`, indent, io)).join(", ")}]`;
      case "union":
        return (def.options ?? [])
          .map((option) => (this.names.has(option._zod.def) ? this.type(option, path, indent, io) : KEYWORDS[option._zod.def.type]))
          .join(" | ");
      case "object":
        return ["{", ...this.fields(def.shape ?? {}, path, `${indent}  `, io), `${indent}}`].join("\n");
      default:
        throw new Error(`no spelling for a ${def.type} schema at ${path}`);
    }
  }

  /** An object shape's properties, each with its description, at `indent`. */
  fields(shape: Readonly<Record<string, ZodLike>>, path: string, indent: string, io: Io): string[] {
    return Object.entries(shape).flatMap(([key, schema]) => {
      const description = describe(schema);
      if (description === undefined) throw new Error(`${path}["${key}"] has no description: give its schema .meta({ description })`);
      // A key may be left out of what an app writes when zod says so (`optional`, or `defaulted` for a default).
      const optional = (io === "input" ? schema._zod.optin !== undefined : schema._zod.optout === "optional") ? "?" : "";
      const type = this.type(schema, `${path}["${key}"]`, indent, io);
      return [...comment(indent, description), ...`${indent}${key}${optional}: ${type};`.split("\n")];
    });
  }

  /** The declaration of one named type, or (`input`) of the type of what an app writes to it. */
  declare(named: NamedType, io: Io): string[] {
    const schema = schemaOf(named);
    const input = io === "input" ? named.input : undefined;
    if (io === "input" && input === undefined) throw new Error(`${named.name} has no input name`);
    const doc = input?.doc ?? describe(schema) ?? named.doc;
    if (doc === undefined) throw new Error(`${named.name} has no description: give its schema .meta({ description }) or a doc here`);
    const name = input?.name ?? named.name;
    if (input !== undefined && !differs(schema))
      return [
        ...comment("", `${doc} Validation fills in no default: it is a {@link ${named.name}}.`),
        `export type ${name} = ${named.name};`,
      ];
    const head = comment("", doc, input === undefined ? named.example : undefined);
    const def = schema._zod.def;
    if (named.form === "interface") {
      if (def.type !== "object") throw new Error(`${named.name}: ${named.schema} is no object schema`);
      return [...head, `export interface ${name} {`, ...this.fields(def.shape ?? {}, zodType(named, io), "  ", io), "}"];
    }
    const type =
      def.type === "union" && this.spelled(schema, true)
        ? this.type(schema, zodType(named, io), "", io, true)
        : `z.${io}<typeof ${named.schema}>`;
    return [...head, `export type ${name} = ${type};`];
  }

  render(): string {
    const declarations = this.types
      .filter((named) => named.form !== "imported")
      .flatMap((named) => [this.declare(named, "output"), ...(named.input === undefined ? [] : [this.declare(named, "input")])])
      .map((lines) => lines.join("\n"));
    const text = declarations.join("\n");
    // The zod types the properties read their types from: only those some property reads.
    const read = this.types.flatMap((named) =>
      (["output", "input"] as const).filter((io) => new RegExp(`\\b${zodType(named, io)}\\b`).test(text)).map((io) => ({ named, io })),
    );
    const needed = (named: NamedType) =>
      named.form === "imported"
        ? new RegExp(`\\b${named.name}\\b`).test(text)
        : read.some((zod) => zod.named === named) || text.includes(`typeof ${named.schema}>`);
    const imports = (Object.keys(MODULES) as Module[]).flatMap((module) => {
      const names = this.types
        .filter((named) => named.module === module && needed(named))
        .map((named) => (named.form === "imported" ? named.name : named.schema))
        .sort((a, b) => a.localeCompare(b, "en"));
      return names.length === 0 ? [] : [`import type { ${names.join(", ")} } from "${module}";`];
    });
    const zodTypes = read.map(({ named, io }) => `type ${zodType(named, io)} = z.${io}<typeof ${named.schema}>;`);
    return [
      `// Generated by scripts/gen-types.mjs from the zod schemas' descriptions: do not edit, run \`${TYPES_COMMAND}\`.`,
      "// Each property's type is read from zod's output type, or its input type in the types of what an app writes",
      "// before validation (…Input); a property holding another named schema's value has that type's name.",
      "// test/schema/types.test.ts checks that this file is current and equals zod's types.",
      'import type * as z from "zod";',
      ...imports,
      "",
      ...zodTypes,
      "",
      declarations.join("\n\n"),
      "",
    ].join("\n");
  }
}

/** The name of a named type's zod output or input type in the generated file. */
function zodType(named: NamedType, io: Io): string {
  return io === "output" ? `${named.name}Output` : `${named.name}SchemaInput`;
}

/**
 * The text of src/schema/types.ts, laid out by the repository's formatter (`biome format`), so that
 * `biome check` leaves the file as it is.
 */
export function schemaTypesSource(root: string): string {
  const source = new Generator(NAMED_TYPES).render();
  const biome = createRequire(join(root, "package.json")).resolve("@biomejs/biome/bin/biome");
  const result = spawnSync(process.execPath, [biome, "format", `--stdin-file-path=${TYPES_FILE}`], {
    cwd: root,
    input: source,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`biome format failed on the generated ${TYPES_FILE}:\n${result.stderr}`);
  return result.stdout;
}
