import type { IssuePath } from "../../errors";
import { parseWall } from "../../time/wall";
import type { CheckContext } from "./context";
import { checkReference } from "./references";
import { supportedWall } from "./values";

/** A membership's date as a wall, or `undefined` when absent or reported (a day that does not exist, a year out of range). */
function membershipDate(ctx: CheckContext, text: string | undefined, path: IssuePath): number | undefined {
  if (text === undefined) return undefined;
  const value = parseWall(text);
  if (!value) {
    ctx.issues.push(ctx.make("invalid-value", path, "invalid-value", { found: JSON.stringify(text), expected: { what: "existing-date" } }));
    return undefined;
  }
  return supportedWall(ctx, value, text, path)?.wall;
}

/**
 * The bodies each person belongs to: each names a body, given as its id or as
 * `{ body, from, to }` whose dates exist and come in order (`from` on or before `to`).
 */
export function checkPeople(ctx: CheckContext): void {
  ctx.file.people.forEach((person, index) => {
    person.bodies?.forEach((membership, k) => {
      const path = ["people", index, "bodies", k];
      if (typeof membership === "string") {
        checkReference(ctx, "body", membership, path);
        return;
      }
      checkReference(ctx, "body", membership.body, [...path, "body"]);
      const from = membershipDate(ctx, membership.from, [...path, "from"]);
      const to = membershipDate(ctx, membership.to, [...path, "to"]);
      if (from !== undefined && to !== undefined && to < from) {
        ctx.issues.push(
          ctx.make("end-before-start", [...path, "to"], "membership-to-before-from", {
            body: membership.body,
            from: membership.from ?? "",
            to: membership.to ?? "",
          }),
        );
      }
    });
  });
}
