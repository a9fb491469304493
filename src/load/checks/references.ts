import type { IssuePath } from "../../errors";
import { locate } from "../../source";
import { closest } from "../hints";
import type { CheckContext } from "./context";
import type { KnownIds } from "./ids";

/** Reports a reference to an id the file does not define, with the closest known one as a hint. */
export function checkReference(ctx: CheckContext, kind: keyof KnownIds, id: string | undefined, path: IssuePath): void {
  const known = ctx.known[kind];
  if (id === undefined || known.has(id)) return;
  ctx.issues.push(ctx.make("unknown-reference", path, "unknown-reference", { kind, id, hint: closest(id, known, ctx.hints) }));
}

/** {@link checkReference} for each id of a list. */
export function checkReferences(ctx: CheckContext, kind: keyof KnownIds, list: readonly string[] | undefined, path: IssuePath): void {
  list?.forEach((id, index) => {
    checkReference(ctx, kind, id, [...path, index]);
  });
}

/**
 * The attendees of a meeting or a change: each names a person, or a body standing for its
 * members. An id that is both a body's and a person's is ambiguous, reported at the reference.
 */
export function checkAttendees(ctx: CheckContext, list: readonly string[] | undefined, path: IssuePath): void {
  list?.forEach((id, index) => {
    const at = [...path, index];
    if (ctx.known.body.has(id) && ctx.known.person.has(id)) {
      const line = (kind: "bodies" | "people") => {
        const found = ctx.file[kind].findIndex((item) => item.id === id);
        return found < 0 ? undefined : locate(ctx.source, [kind, found]).line;
      };
      ctx.issues.push(
        ctx.make("ambiguous-reference", at, "ambiguous-reference", { id, bodyLine: line("bodies"), personLine: line("people") }),
      );
      return;
    }
    checkReference(ctx, "attendee", id, at);
  });
}
