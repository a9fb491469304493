import type { YAMLException } from "js-yaml";
import type { SourcePosition } from "../../schema/model";

/** The part of js-yaml's parser state its `listener` reads (`anchor` is not in its typings). */
interface LoaderState {
  readonly input: string;
  readonly position: number;
  readonly line: number;
  readonly lineStart: number;
  readonly kind: string | null;
  readonly result: unknown;
  readonly anchor?: string | null;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const HASH = 0x23;
const AMPERSAND = 0x26;
const STAR = 0x2a;
const DASH = 0x2d;
const COLON = 0x3a;
const LESS = 0x3c;
const QUESTION = 0x3f;
const BRACKET = 0x5b;
const BRACE = 0x7b;

function isWsOrEol(ch: number): boolean {
  return ch === SPACE || ch === TAB || ch === LF || ch === CR;
}

function isFlowIndicator(ch: number): boolean {
  return ch === 0x2c || ch === 0x5b || ch === 0x5d || ch === 0x7b || ch === 0x7d;
}

/** Where the anchor or alias name starting at `p` ends (js-yaml's rule). */
function nameEnd(input: string, p: number): number {
  let ch = input.charCodeAt(p);
  while (p < input.length && ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) ch = input.charCodeAt(++p);
  return p;
}

/** Where the tag starting at `p` (`!x`, `!!str`, `!<tag:…>`) ends (js-yaml's rule). */
function tagEnd(input: string, p: number): number {
  if (input.charCodeAt(p + 1) === LESS) {
    const close = input.indexOf(">", p);
    return close === -1 ? input.length : close + 1;
  }
  let ch = input.charCodeAt(p);
  while (p < input.length && ch !== 0 && !isWsOrEol(ch)) ch = input.charCodeAt(++p);
  return p;
}

/** The key a mapping entry gets in the loaded value (js-yaml turns keys into strings this way). */
function keyText(key: unknown): string {
  if (typeof key !== "object" || key === null) return String(key);
  if (!Array.isArray(key)) return "[object Object]";
  return key.map((item) => (typeof item === "object" && item !== null ? "[object Object]" : String(item))).join(",");
}

/** What a node's content makes it, for the nodes js-yaml opens inside it. */
type Container =
  /** A block mapping, or a node js-yaml first tried to read as one (a scalar, an alias). */
  "block-mapping" | "block-sequence" | "flow-mapping" | "flow-sequence";

/** What a node is to the node it is in, which decides the path it gets. */
type Role =
  /** The root, or an item of a sequence: its position is recorded under its path. */
  | "item"
  /** A mapping key, or a node that turns out to be the container itself when no `:` follows. */
  | "key"
  /** A mapping value: its position is its key's. */
  | "value"
  /** The same node as the one it is in (js-yaml read a flow collection as a possible key). */
  | "same"
  /** A node inside a key, or of a second document (an error): it has no path. */
  | "ignored";

/** One node as js-yaml composes it, from its listener's 'open' event to its 'close' event. */
class Frame {
  /** Offset, 0-based line and 0-based column of the node's content (after separation and properties). */
  start = 0;
  line = 0;
  column = 0;
  container: Container = "block-mapping";
  role: Role = "item";
  path = "";
  hasChildren = false;
  /** Aliases the node expands to: each alias counts once plus the aliases inside its anchored node. */
  aliases = 0;
  /** The path the next node opened inside gets: a mapping value's, or the mapping of one entry `[key: value]`. */
  pendingPath: string | null = null;
  /** Sequence items given so far, and where the text after the last one starts (block sequences). */
  items = 0;
  cursor = 0;
  cursorLine = 0;
  cursorLineStart = 0;

  /** Offset, 0-based line and the offset that line starts at, where js-yaml stood when the node opened. */
  open = 0;
  openLine = 0;
  openLineStart = 0;

  /** Frames are reused, one per depth: a file has many nodes but few levels. */
  reset(open: number, openLine: number, openLineStart: number): Frame {
    this.open = open;
    this.openLine = openLine;
    this.openLineStart = openLineStart;
    this.container = "block-mapping";
    this.role = "item";
    this.path = "";
    this.hasChildren = false;
    this.aliases = 0;
    this.pendingPath = null;
    this.items = 0;
    return this;
  }
}

/**
 * Follows js-yaml's `listener` events to find where every node of the file starts, as `yaml`'s
 * `parseDocument` ranges place it: a node's position is its content, after any comments, line
 * breaks and properties (`&anchor`, `!tag`) before it; an empty node sits right after the last
 * indicator or property before it (and the spaces after that). Map entries are recorded at their
 * key, sequence items at the item, the root under `""`. Also counts alias uses and finds
 * recursive aliases.
 *
 * js-yaml fires 'open' before skipping the separation in front of a node and 'close' after
 * reading it. It opens a node to try a block mapping's first key, and keeps that node as the
 * value itself when no `:` follows: such a node is a possible key until it closes. It opens no
 * node for an empty block sequence item (`-` and nothing after it): those are found between the
 * items it does open.
 */
export class PositionCollector {
  /** Without a prototype: a key such as `__proto__` or `constructor` is a path like any other (and inserting is faster). */
  readonly positions: Record<string, SourcePosition> = Object.create(null) as Record<string, SourcePosition>;
  private input = "";
  /** The nodes open now, outermost first: `frames[0]` to `frames[depth - 1]`. */
  private readonly frames: Frame[] = [];
  private depth = 0;
  private documents = 0;
  /** Where the first document's root ends and the second document's root starts. */
  private firstEnd = -1;
  private secondStart = -1;
  private totalAliases = 0;
  /** For each anchor whose node is complete: the aliases that node expands to. */
  private readonly anchors = new Map<string, number>();
  private recursive = false;
  /** The scanner's current line (0-based) and the offset that line starts at. */
  private line = 0;
  private lineStart = 0;
  private propsEnd = -1;
  private propsLine = 0;
  private propsLineStart = 0;

  /** `bom`: the text starts with a byte order mark, which js-yaml drops but `yaml` counts as a column. */
  constructor(private readonly bom: boolean) {}

  readonly listener = (event: "open" | "close", state: LoaderState): void => {
    if (event === "open") this.open(state);
    else this.close(state);
  };

  /** The file uses more aliases than allowed, or an alias inside the node it names. */
  tooManyAliases(max: number): boolean {
    return this.recursive || this.totalAliases > max;
  }

  /** Where a syntax error js-yaml reports lies. */
  errorPosition(error: YAMLException): SourcePosition {
    const mark = error.mark as { line?: unknown; column?: unknown } | undefined;
    if (typeof mark?.line === "number" && typeof mark.column === "number") return this.at(mark.line, mark.column);
    // "expected a single document": point at the marker that starts the second document.
    if (this.secondStart !== -1) {
      const input = this.input;
      const found = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/m.exec(input.slice(this.firstEnd));
      const offset = found ? this.firstEnd + found.index : this.secondStart;
      let line = 0;
      let lineStart = 0;
      for (let i = input.indexOf("\n"); i !== -1 && i < offset; i = input.indexOf("\n", i + 1)) {
        line++;
        lineStart = i + 1;
      }
      return this.at(line, offset - lineStart);
    }
    return { line: 1, column: 1 };
  }

  private at(line: number, column: number): SourcePosition {
    return { line: line + 1, column: column + 1 + (line === 0 && this.bom ? 1 : 0) };
  }

  /** Skips spaces, tabs, comments and line breaks from `p`, as js-yaml's `skipSeparationSpace` does. */
  private skip(p: number): number {
    const input = this.input;
    for (;;) {
      let ch = input.charCodeAt(p);
      while (ch === SPACE || ch === TAB) ch = input.charCodeAt(++p);
      if (ch === HASH) {
        while (p < input.length && ch !== LF && ch !== CR && ch !== 0) ch = input.charCodeAt(++p);
      }
      if (ch === LF || ch === CR) {
        p++;
        if (ch === CR && input.charCodeAt(p) === LF) p++;
        this.line++;
        this.lineStart = p;
      } else {
        return p;
      }
    }
  }

  /** Skips the separation and properties from `p`; returns the content offset and notes where the properties end. */
  private content(p: number, forgetAnchors: boolean): number {
    const input = this.input;
    this.propsEnd = -1;
    p = this.skip(p);
    for (;;) {
      const ch = input.charCodeAt(p);
      let end: number;
      if (ch === AMPERSAND) {
        end = nameEnd(input, p + 1);
        // An anchor being (re)defined is not complete until its node closes: an alias to it in between is recursive.
        if (forgetAnchors) this.anchors.delete(input.slice(p + 1, end));
      } else if (ch === BANG) {
        end = tagEnd(input, p);
      } else {
        return p;
      }
      this.propsEnd = end;
      this.propsLine = this.line;
      this.propsLineStart = this.lineStart;
      p = this.skip(end);
    }
  }

  /** Whether a `:` follows the text up to `p` (so the next node is a value). */
  private colonAt(p: number): boolean {
    const line = this.line;
    const lineStart = this.lineStart;
    const found = this.input.charCodeAt(this.skip(p)) === COLON;
    this.line = line;
    this.lineStart = lineStart;
    return found;
  }

  private open(state: LoaderState): void {
    const input = (this.input ||= state.input);
    const frame = (this.frames[this.depth] ??= new Frame()).reset(state.position, state.line, state.lineStart);
    this.line = state.line;
    this.lineStart = state.lineStart;
    const start = this.content(state.position, true);
    frame.start = start;
    frame.line = this.line;
    frame.column = start - this.lineStart;
    const ch = input.charCodeAt(start);
    if (ch === BRACKET) frame.container = "flow-sequence";
    else if (ch === BRACE) frame.container = "flow-mapping";
    else if (ch === DASH && isWsOrEol(input.charCodeAt(start + 1))) {
      frame.container = "block-sequence";
      frame.cursor = start;
      frame.cursorLine = frame.line;
      frame.cursorLineStart = this.lineStart;
    }

    const parent = this.depth === 0 ? undefined : this.frames[this.depth - 1];
    if (parent === undefined) {
      if (this.documents++ === 0) this.positions[""] = this.at(frame.line, frame.column);
      else {
        frame.role = "ignored";
        if (this.secondStart === -1) this.secondStart = start;
      }
    } else {
      parent.hasChildren = true;
      this.place(frame, parent);
    }
    this.depth++;
  }

  /** Gives a node opened inside `parent` its role and path. */
  private place(frame: Frame, parent: Frame): void {
    if (parent.role === "ignored" || parent.role === "key") {
      // What is inside a key (`? [a, b]`) or a second document has no path.
      frame.role = "ignored";
    } else if (parent.pendingPath !== null) {
      frame.role = "value";
      frame.path = parent.pendingPath;
      parent.pendingPath = null;
    } else if (frame.open === parent.start && (parent.container === "flow-mapping" || parent.container === "flow-sequence")) {
      frame.role = "same";
      frame.path = parent.path;
    } else if (parent.container === "block-sequence") {
      this.emptyItems(parent, frame.open);
      this.item(frame, parent);
    } else if (parent.container === "flow-sequence") {
      this.item(frame, parent);
    } else {
      frame.role = "key";
    }
  }

  private item(frame: Frame, parent: Frame): void {
    frame.role = "item";
    frame.path = parent.path === "" ? String(parent.items++) : `${parent.path}.${parent.items++}`;
    this.positions[frame.path] = this.at(frame.line, frame.column);
  }

  /** Records the empty items of a block sequence: each `-` between its last item and `stop` but the one before `stop`. */
  private emptyItems(sequence: Frame, stop: number, all = false): void {
    const input = this.input;
    let p = sequence.cursor;
    let line = sequence.cursorLine;
    let lineStart = sequence.cursorLineStart;
    let pending: SourcePosition | null = null;
    while (p < stop) {
      let ch = input.charCodeAt(p);
      if (ch === LF || ch === CR) {
        p++;
        if (ch === CR && input.charCodeAt(p) === LF) p++;
        line++;
        lineStart = p;
      } else if (ch === HASH) {
        while (p < stop && ch !== LF && ch !== CR) ch = input.charCodeAt(++p);
      } else if (ch === DASH) {
        if (pending !== null) this.emptyItem(sequence, pending);
        let q = p + 1;
        ch = input.charCodeAt(q);
        while (ch === SPACE || ch === TAB) ch = input.charCodeAt(++q);
        pending = this.at(line, q - lineStart);
        p++;
      } else {
        p++;
      }
    }
    if (all && pending !== null) this.emptyItem(sequence, pending);
  }

  private emptyItem(sequence: Frame, position: SourcePosition): void {
    const path = sequence.path === "" ? String(sequence.items++) : `${sequence.path}.${sequence.items++}`;
    this.positions[path] = position;
  }

  private close(state: LoaderState): void {
    const input = this.input;
    const frame = this.frames[--this.depth] as Frame;
    const parent = this.depth === 0 ? undefined : this.frames[this.depth - 1];
    const end = state.position;
    const kind = state.kind;
    let aliases = frame.aliases;
    if (!frame.hasChildren && kind === null && input.charCodeAt(frame.start) === STAR && end > frame.start) {
      const inner = this.anchors.get(input.slice(frame.start + 1, nameEnd(input, frame.start + 1)));
      if (inner === undefined) this.recursive = true;
      aliases = 1 + (inner ?? 0);
    }
    if (state.anchor) this.anchors.set(state.anchor, aliases);
    if (parent !== undefined) parent.aliases += aliases;
    else if (frame.role !== "ignored") {
      this.totalAliases = aliases;
      this.firstEnd = end;
    }
    const empty = kind === null && aliases === 0;

    const recorded = frame.role !== "ignored" && frame.role !== "key";
    if (recorded && frame.container === "block-sequence" && kind === "sequence" && frame.items < (state.result as unknown[]).length) {
      this.emptyItems(frame, end, true);
    }
    switch (frame.role) {
      case "item":
        if (parent === undefined && empty) delete this.positions[""];
        else if (empty) this.positions[frame.path] = this.emptyPosition(frame);
        if (parent?.container === "flow-sequence" && this.colonAt(end)) {
          // `[key: value]`: the item is a mapping of one entry, which starts at its key.
          parent.pendingPath = `${frame.path}.${keyText(state.result)}`;
          this.positions[parent.pendingPath] = this.positions[frame.path] as SourcePosition;
        }
        break;
      case "key": {
        const owner = parent as Frame;
        const colon = this.colonAt(end);
        // Without a `:` the node is a key only in a flow mapping or after `?`; else it is the node itself.
        if (colon || owner.container === "flow-mapping" || input.charCodeAt(frame.open - 1) === QUESTION) {
          const path = owner.path === "" ? keyText(state.result) : `${owner.path}.${keyText(state.result)}`;
          this.positions[path] = empty ? this.emptyPosition(frame) : this.at(frame.line, frame.column);
          if (colon) owner.pendingPath = path;
        }
        break;
      }
      default:
        break;
    }
    if (parent?.container === "block-sequence") {
      parent.cursor = end;
      parent.cursorLine = state.line;
      parent.cursorLineStart = state.lineStart;
    }
  }

  /** Where `yaml` places an empty node: after its properties, or where js-yaml opened it, and the spaces that follow. */
  private emptyPosition(frame: Frame): SourcePosition {
    const input = this.input;
    this.line = frame.openLine;
    this.lineStart = frame.openLineStart;
    this.content(frame.open, false);
    let p = frame.open;
    let line = frame.openLine;
    let lineStart = frame.openLineStart;
    if (this.propsEnd !== -1) {
      p = this.propsEnd;
      line = this.propsLine;
      lineStart = this.propsLineStart;
    }
    let ch = input.charCodeAt(p);
    while (ch === SPACE || ch === TAB) ch = input.charCodeAt(++p);
    return this.at(line, p - lineStart);
  }
}
