import { LichhopError } from "../errors";

/**
 * What went wrong in a calendar function: a date string that is not a real `YYYY-MM-DD` date,
 * a date outside 1900–2100, a lunar date that does not exist, an invalid calendar section,
 * or no working day within the search bound.
 *
 * @example
 * ```ts
 * const code: CalendarErrorCode = "no-such-lunar-date";
 * ```
 */
export type CalendarErrorCode = "invalid-date" | "out-of-range" | "no-such-lunar-date" | "invalid-config" | "no-working-day";

/**
 * The error thrown by the calendar module: the {@link LichhopError} family for arguments outside
 * the calendar's domain (the role of a `RangeError`), with a `code` from {@link CalendarErrorCode}.
 *
 * @example
 * ```ts
 * try {
 *   fromLunar(1, 5, 2024, true); // 2024 has no leap 5th month
 * } catch (error) {
 *   if (error instanceof CalendarError) console.log(error.code); // "no-such-lunar-date"
 * }
 * ```
 */
export class CalendarError extends LichhopError {
  override name = "CalendarError";
  /** Which kind of failure this is. */
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
