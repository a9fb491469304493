import { MAX_HORIZON_DAYS } from "../../limits";
import { DAY, parseWall } from "../../time/wall";
import type { CheckContext } from "./context";
import { supportedWall } from "./values";

/** The horizon's dates: they exist, are in range, in order, and no further apart than the limit. */
export function checkHorizon(ctx: CheckContext): void {
  const { file, issues, make } = ctx;
  if (file.horizon && file.horizon.to < file.horizon.from) {
    issues.push(make("bad-horizon", ["horizon", "to"], "bad-horizon", { from: file.horizon.from, to: file.horizon.to }));
  }
  const horizon: (number | undefined)[] = [];
  for (const key of ["from", "to"] as const) {
    const text = file.horizon?.[key];
    if (text === undefined) continue;
    const value = parseWall(text);
    if (!value)
      issues.push(
        make("invalid-value", ["horizon", key], "invalid-value", { found: JSON.stringify(text), expected: { what: "existing-date" } }),
      );
    horizon.push(supportedWall(ctx, value, text, ["horizon", key])?.wall);
  }
  const [horizonFrom, horizonTo] = horizon;
  if (horizonFrom !== undefined && horizonTo !== undefined && (horizonTo - horizonFrom) / DAY + 1 > MAX_HORIZON_DAYS) {
    issues.push(
      make("bad-horizon", ["horizon", "to"], "horizon-too-long", {
        from: file.horizon?.from ?? "",
        to: file.horizon?.to ?? "",
        max: MAX_HORIZON_DAYS,
      }),
    );
  }
}
