import { formatDmy } from "../time/wall-text";

/** A language lichhop writes its messages in. */
export type Lang = "vi" | "en";

/** The parameters of a message that takes none. */
export type NoParams = { readonly [key: string]: never };

/** A message in every language, each a function of the message's own parameters `P`. */
export type Entry<P> = { readonly [L in Lang]: (p: P) => string };

/**
 * Declares a message and its parameter type: `entry<{ zone: string }>({ vi: (p) => …, en: (p) => … })`.
 * Without a type argument the message takes no parameters.
 */
export function entry<P extends object = NoParams>(texts: Entry<P>): Entry<P> {
  return texts;
}

/** A count with thousands grouped as each language writes them: 100.000 (vi), 100,000 (en). */
export function fmt(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/** `01/05/2024` for `2024-05-01`; any other text as it is. */
export function dmy(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDmy(date) : date;
}
