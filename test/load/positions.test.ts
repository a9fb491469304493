import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { generateSchedule, sizeParams } from "../../bench/generate";
import { readScheduleText } from "../../src/load/parse";
import type { SourcePosition } from "../../src/schema/model";
import { runs } from "../helpers/runs";

// Slow on purpose (property tests over generated files): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

/**
 * The reference: how lichhop read files with `yaml` (parseDocument and the ranges of its nodes)
 * before it moved to js-yaml. The positions of the new reader must be the same, path for path.
 */
function referenceRead(text: string): { data: unknown; positions: Record<string, SourcePosition> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) throw new Error(`yaml: ${doc.errors.map((error) => error.message).join("; ")}`);
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const positions: Record<string, SourcePosition> = {};
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const visit = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const childPath = path === "" ? key : `${path}.${key}`;
        const range = (pair.key as Node | null)?.range ?? (pair.value as Node | null)?.range;
        if (range) positions[childPath] = at(range[0]);
        visit(pair.value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const childPath = path === "" ? String(index) : `${path}.${index}`;
        const range = (item as Node | null)?.range;
        if (range) positions[childPath] = at(range[0]);
        visit(item, childPath);
      });
    }
  };
  const root = doc.contents as Node | null;
  if (root?.range) positions[""] = at(root.range[0]);
  visit(root, "");
  return { data: data ?? {}, positions };
}

function expectSameAsReference(text: string) {
  const reference = referenceRead(text);
  const read = readScheduleText(text);
  if (!read.ok)
    throw new Error(`js-yaml: ${read.issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`).join("; ")}\n${text}`);
  expect(read.data).toEqual(reference.data);
  expect({ ...read.positions }).toEqual(reference.positions);
}

const root = join(import.meta.dirname, "../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("positions and values are those the yaml reader gave", () => {
  it.each(yamlFiles(join(root, "examples")).map((file) => [file.slice(root.length + 1), file]))("%s", (_name, file) => {
    expectSameAsReference(readFileSync(file, "utf8"));
  });

  it.each(["1k", "10k"])("the generated %s schedule", (size) => {
    const params = sizeParams(size);
    if (!params) throw new Error(`no size ${size}`);
    expectSameAsReference(generateSchedule(params).text);
  });

  it.each([
    ["empty items of a block sequence", "- \n-\n- x\n-   # c\n- y\n"],
    ["empty items at the end of a nested sequence", "a:\n  - x\n  -\nb: 1\n"],
    ["properties before a node on the line above", "- &z\n  a: 1\n- !!str\n  x\n"],
    ["an anchor on a key", "foo:\n  &a k: v\nbar: *a\n"],
    ["an explicit key after a comment", "? # c\n  a\n: b\n? c\n"],
    ["a flow mapping with a key without value", "{a, b: 1}\n"],
    ["a one-entry mapping in a flow sequence", "[a: b, c]\n"],
    ["a byte order mark", "\ufeffa: 1\nb:\n  - c\n"],
    ["a document start marker and comments", "# c\n---\n# d\na: 1 # e\n"],
    ["CRLF line breaks", "a:\r\n  - x\r\n  -\r\n  - y\r\nb: 1\r\n"],
  ])("%s", (_name, text) => {
    expectSameAsReference(text);
  });
});

// A random YAML document: nested block and flow mappings and sequences, scalars in every quoting
// style (multi-line too), comments, blank lines, empty values, anchors and aliases.
//
// Left out, where the two readers legitimately disagree (neither belongs in a schedule):
// - an empty item as the LAST item of a nested block sequence followed by an item of the outer
//   one: js-yaml 4 reads the outer item into the inner sequence (`- - a\n  -\n- b`);
// - scalars that YAML 1.2's core schema and js-yaml's read differently: `0b11` (js-yaml: 3),
//   `+.5` (yaml: 0.5), and keys that are not strings (`~:`, `[a]:`), whose paths differ;
// - one key written twice in different ways (`1` and `'1'`): js-yaml refuses it;
// - an anchor on an empty node, a recursive alias, an alias used as a key;
// - explicit keys (`? k`) in flow collections and one-entry mappings after `?` in flow sequences;
// - more than 100 aliases: yaml counts them per anchor, lichhop counts them all.

type Gap = "none" | "blank" | "comment";
type Props = { readonly anchor: boolean; readonly comment: boolean };
type ScalarStyle = "plain" | "single" | "double" | "plain-lines" | "double-lines" | "literal" | "literal-strip" | "folded";
type Tree =
  | (Props & { readonly t: "scalar"; readonly style: ScalarStyle; readonly words: readonly string[] })
  | (Props & { readonly t: "empty" })
  | (Props & { readonly t: "alias"; readonly pick: number })
  | (Props & { readonly t: "map"; readonly flow: boolean; readonly compact: boolean; readonly entries: readonly Entry[] })
  | (Props & { readonly t: "seq"; readonly flow: boolean; readonly compact: boolean; readonly items: readonly Item[] });
type Entry = { readonly key: string; readonly quoted: boolean; readonly gap: Gap; readonly value: Tree };
type Item = { readonly gap: Gap; readonly value: Tree };

const WORDS = [
  "an",
  "họp",
  "UBND",
  "Hà",
  "Nội",
  "2024-01-01",
  "2024-01-04T08:00",
  "PT1H",
  "12",
  "-3",
  "1.5",
  "true",
  "false",
  "null",
  "~",
  "x-y",
  "v1.2",
  "it's",
  'say "hi"',
  "a\\b",
];
const FLOW_WORDS = ["an", "họp", "UBND", "Hà", "2024-01-01", "PT1H", "12", "-3", "1.5", "true", "null", "x-y"];
const KEYS = ["id", "title", "start", "a", "b1", "x_y", "k-2", "Tên", "meetings", "a b"];

const propsArb = fc.record({ anchor: fc.boolean(), comment: fc.boolean() });
const gapArb = fc.constantFrom<Gap>("none", "none", "blank", "comment");

const treeArb = fc.letrec<{ tree: Tree; scalar: Tree; leaf: Tree }>((tie) => ({
  scalar: fc
    .record({
      props: propsArb,
      style: fc.constantFrom<ScalarStyle>(
        "plain",
        "plain",
        "single",
        "double",
        "plain-lines",
        "double-lines",
        "literal",
        "literal-strip",
        "folded",
      ),
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    })
    .map(({ props, style, words }): Tree => ({ ...props, t: "scalar", style, words })),
  leaf: fc.oneof(
    { weight: 6, arbitrary: tie("scalar") },
    { weight: 1, arbitrary: propsArb.map((props): Tree => ({ ...props, t: "empty" })) },
    {
      weight: 2,
      arbitrary: fc.record({ props: propsArb, pick: fc.nat(20) }).map(({ props, pick }): Tree => ({ ...props, t: "alias", pick })),
    },
  ),
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc
      .record({
        props: propsArb,
        flow: fc.boolean(),
        compact: fc.boolean(),
        entries: fc.uniqueArray(fc.record({ key: fc.constantFrom(...KEYS), quoted: fc.boolean(), gap: gapArb, value: tie("tree") }), {
          maxLength: 4,
          selector: (entry) => entry.key,
        }),
      })
      .map(({ props, flow, compact, entries }): Tree => ({ ...props, t: "map", flow, compact, entries })),
    fc
      .record({
        props: propsArb,
        flow: fc.boolean(),
        compact: fc.boolean(),
        items: fc.array(fc.record({ gap: gapArb, value: tie("tree") }), { maxLength: 4 }),
      })
      .map(({ props, flow, compact, items }): Tree => ({ ...props, t: "seq", flow, compact, items })),
  ),
}));

/** Writes a tree as YAML text, choosing a valid form where the tree's choice does not fit. */
class Writer {
  private readonly done: string[] = [];
  private next = 0;

  private anchor(tree: Tree): string | undefined {
    return tree.anchor && tree.t !== "empty" && tree.t !== "alias" ? `a${this.next++}` : undefined;
  }

  private finish(name: string | undefined) {
    // Only a complete node may be aliased: no recursive aliases.
    if (name) this.done.push(name);
  }

  private alias(tree: Tree): string | undefined {
    return tree.t === "alias" && this.done.length > 0 ? `*${this.done[(tree as { pick: number }).pick % this.done.length]}` : undefined;
  }

  private scalar(words: readonly string[], style: ScalarStyle, pad: string, flow: boolean): string {
    const text = words.join(" ");
    if (style === "single" || (flow && style !== "double" && style !== "plain")) return `'${text.replace(/'/g, "''")}'`;
    if (style === "double") return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    if (style === "double-lines") return `"${words.map((word) => word.replace(/\\/g, "\\\\").replace(/"/g, '\\"')).join(`\n${pad}`)}"`;
    const plain = words.map((word) =>
      flow ? (FLOW_WORDS.includes(word) ? word : "x") : /^[~\w\-.:ạ-ỹàáâãèéêìíòóôõùúýăđĩũơưÀ-Ỹ ]+$/.test(word) && word !== "'" ? word : "w",
    );
    if (style === "plain" || flow) return plain.join(" ");
    if (style === "plain-lines") return plain.join(`\n${pad}`);
    const indicator = style === "literal" ? "|" : style === "literal-strip" ? "|-" : ">";
    return `${indicator}\n${words.map((word) => `${pad}${word}`).join("\n")}`;
  }

  /** A node in a flow collection, at a block indentation of `indent`. */
  flow(tree: Tree, indent: number): string {
    const pad = " ".repeat(indent + 2);
    const alias = this.alias(tree);
    if (alias) return alias;
    const name = this.anchor(tree);
    const prefix = name ? `&${name} ` : "";
    let text: string;
    if (tree.t === "map") {
      const entries = tree.entries.map(
        (entry) => `${entry.quoted ? JSON.stringify(entry.key) : entry.key.replace(" ", "_")}: ${this.flow(entry.value, indent)}`,
      );
      text = tree.compact || entries.length === 0 ? `{${entries.join(", ")}}` : `{\n${pad}${entries.join(`,\n${pad}`)}\n${pad}}`;
    } else if (tree.t === "seq") {
      const items = tree.items.map((item) => this.flow(item.value, indent));
      text = tree.compact || items.length === 0 ? `[${items.join(", ")}]` : `[ # c\n${pad}${items.join(`,\n${pad}`)}\n${pad}]`;
    } else if (tree.t === "scalar") {
      text = this.scalar(tree.words, tree.style, pad, true);
    } else {
      text = "x";
    }
    this.finish(name);
    return prefix + text;
  }

  /** What follows `key:` or `-` for a node whose lines are indented by `indent`. */
  private after(tree: Tree, indent: number, inMap: boolean): string {
    const pad = " ".repeat(indent);
    const comment = tree.comment ? " # c" : "";
    const alias = this.alias(tree);
    if (alias) return ` ${alias}${comment}`;
    if (tree.t === "alias") return ` x${comment}`; // no anchor to name yet
    if (tree.t === "empty") return comment;
    if (tree.t !== "scalar" && (tree.flow || (tree.t === "map" ? tree.entries.length === 0 : tree.items.length === 0))) {
      return ` ${this.flow(tree, indent - 2)}${comment}`;
    }
    const name = this.anchor(tree);
    const prefix = name ? ` &${name}` : "";
    let text: string;
    if (tree.t === "scalar") {
      const block = tree.style === "literal" || tree.style === "literal-strip" || tree.style === "folded";
      text = `${prefix} ${this.scalar(tree.words, tree.style, pad, false)}${block ? "" : comment}`;
    } else if (tree.compact && !name && !inMap) {
      // `- key: value` or `- - item`: the collection starts on the item's line.
      text = ` ${this.block(tree, indent).slice(indent)}`;
    } else {
      // A sequence in a mapping may sit at the mapping's own indentation (`a:\n- x`).
      const own = tree.t === "seq" && inMap && tree.compact ? indent - 2 : indent;
      text = `${prefix}${comment}\n${this.block(tree, own)}`;
    }
    this.finish(name);
    return text;
  }

  private gap(gap: Gap, pad: string, first: boolean): string {
    if (first || gap === "none") return "";
    return gap === "blank" ? "\n" : `${pad}# c\n`;
  }

  /** A block collection (or, when the tree is not one, a flow one) with lines indented by `indent`. */
  block(tree: Tree, indent: number): string {
    const pad = " ".repeat(indent);
    if (tree.t === "map" && tree.entries.length > 0 && !tree.flow) {
      return tree.entries
        .map(
          (entry, i) =>
            `${this.gap(entry.gap, pad, i === 0)}${pad}${entry.quoted ? JSON.stringify(entry.key) : entry.key.replace(" ", "_")}:${this.after(entry.value, indent + 2, true)}`,
        )
        .join("\n");
    }
    if (tree.t === "seq" && tree.items.length > 0 && !tree.flow) {
      return tree.items
        .map((item, i) => {
          // An empty last item may be read into the outer sequence by js-yaml (see above).
          const value: Tree =
            item.value.t === "empty" && i === tree.items.length - 1
              ? { ...item.value, t: "scalar", style: "plain", words: ["last"] }
              : item.value;
          return `${this.gap(item.gap, pad, i === 0)}${pad}-${this.after(value, indent + 2, false)}`;
        })
        .join("\n");
    }
    return pad + this.flow(tree, indent);
  }
}

function writeDocument(tree: Tree, start: boolean, lead: Gap): string {
  const head = (lead === "comment" ? "# head\n" : lead === "blank" ? "\n" : "") + (start ? "---\n" : "");
  return `${head}${new Writer().block(tree, 0)}\n${lead === "comment" ? "# tail\n" : ""}`;
}

describe("random documents", () => {
  it("give the same values and positions as the yaml reader", () => {
    fc.assert(
      fc.property(treeArb.tree, fc.boolean(), gapArb, (tree, start, lead) => {
        expectSameAsReference(writeDocument(tree, start, lead));
      }),
      { numRuns: runs(Number(process.env.POSITIONS_RUNS ?? 500)) },
    );
  });
});
