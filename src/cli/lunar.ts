import { UsageError } from "../errors";
import { CalendarError } from "../calendar/errors";
import { canChi, formatLunar, toLunar, type LunarDate } from "../calendar/lunar";
import { inert } from "../internal/inert";
import { message, type Lang } from "../messages";
import type { Output } from "./io";

/** Options of `lichhop lunar`. */
export interface LunarOptions {
  readonly format: string;
  readonly lang?: Lang | undefined;
}

/** `lichhop lunar DATE`: the Vietnamese lunar date of a Gregorian date (UTC+7). */
export function runLunar(date: string | undefined, options: LunarOptions, out: Output): number {
  if (date === undefined) throw new UsageError("lichhop lunar: expected a DATE YYYY-MM-DD");
  const lang: Lang = options.lang ?? "vi";
  if (options.format !== "text" && options.format !== "json") {
    throw new UsageError(message(lang, "text-or-json", { found: options.format }));
  }
  let lunar: LunarDate;
  try {
    lunar = toLunar(date);
  } catch (error) {
    if (error instanceof CalendarError) throw new UsageError(`${date}: ${error.message}`);
    throw error;
  }
  const text = formatLunar(lunar, lang);
  if (options.format === "json") {
    const body = { version: 1, date, lunar: { ...lunar }, yearName: canChi(lunar.year), text };
    out.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    out.stdout(`${inert(text)}\n`);
  }
  return 0;
}
