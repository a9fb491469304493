/**
 * The bounds on the work one schedule may cause. Every loop that input can stretch stops at one
 * of these with an issue that names it, so no file stalls or exhausts a process: the cost of a
 * check follows what the file yields, never the length of a walk before the horizon.
 */
export interface Limits {
  /** Occurrences of one series inside the horizon. */
  readonly occurrencesPerSeries: number;
  /** Occurrences of the whole schedule inside the horizon. */
  readonly occurrences: number;
  /**
   * Conflicts one check may list: those a report holds (`checkSchedule`'s, the CLI's `json` and
   * `--detail`, the conflicts feed). The CLI's text and CI formats fold conflicts into findings
   * as they are found and hold none, so this does not bound them.
   */
  readonly conflicts: number;
  /** Findings one check may hold (a finding keeps its counts, at most 100 dates and ids, and one conflict). */
  readonly findings: number;
  /**
   * Steps all recurrence rules of a schedule may walk in one validation or expansion: a day the
   * engine looks at before a window (a rule with COUNT is walked from its first occurrence), an
   * instant BYHOUR, BYMINUTE and BYSECOND add to a day, and a period of an HOURLY, MINUTELY or
   * SECONDLY rule.
   */
  readonly ruleSteps: number;
  /**
   * Occurrences all rules may look at in one check: each cadence and lead-time rule reads every
   * occurrence, each no-overlap rule those of its two sides.
   */
  readonly ruleChecks: number;
}

/** The default {@link Limits}. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  occurrencesPerSeries: 100_000,
  occurrences: 200_000,
  conflicts: 50_000,
  findings: 100_000,
  ruleSteps: 2_000_000,
  ruleChecks: 5_000_000,
});

/** First and last years of any date in a schedule file (those of the working calendar). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
/** The longest a meeting, a change, a gap or a lead time may last, in days. */
export const MAX_DURATION_DAYS = 366;
/** The longest horizon, in days (ten years). */
export const MAX_HORIZON_DAYS = 3_660;
/** The most characters of an RRULE. */
export const MAX_RRULE_LENGTH = 1_000;
/** The most issues reported for one file; the rest are counted in one last issue. */
export const MAX_ISSUES = 1_000;
/**
 * The most events (VEVENT components) the .ics sources of one schedule may hold together: a
 * larger export stops with `too-many-source-events` at the event past it, before any is converted.
 */
export const MAX_SOURCE_EVENTS = 50_000;
/**
 * The most occurrences the calendar report (`check --format html`, the server's `/report.html`
 * and `/week` pages) draws: every week of the horizon is written into one page, some 2.4 KB an
 * occurrence, so 20,000 give a page of about 48 MB and the 100,000 of a large province's year
 * some 240 MB and 2 GB of memory to build, more than a browser opens. Past it the report is
 * refused with the window (`--from`, `--to`) that fits.
 */
export const MAX_CALENDAR_OCCURRENCES = 20_000;
/** Cells of edit-distance tables "did you mean" hints may fill for one file. */
export const MAX_HINT_CELLS = 5_000_000;

/** Thrown inside expansion when a budget of {@link Limits} runs out; never leaves the library. */
export class BudgetExceeded extends Error {
  /**
   * @param limit the limit hit
   * @param meeting the id of the meeting whose work crossed it, when one did
   * @param rule the id of the rule whose work crossed it, when one did
   */
  constructor(
    readonly limit: keyof Limits,
    readonly meeting?: string,
    readonly rule?: string,
  ) {
    super(`limit ${limit} exceeded`);
  }
}

/** A budget of rule steps shared by every rule of one validation or expansion. */
export interface StepBudget {
  /** Spends `steps`; throws {@link BudgetExceeded} when the budget is spent. */
  spend(steps: number): void;
}

/** A fresh budget of `max` steps. */
export function stepBudget(max: number): StepBudget {
  let left = max;
  return {
    spend(steps) {
      left -= steps;
      if (!(left >= 0)) throw new BudgetExceeded("ruleSteps");
    },
  };
}

/** A budget that never runs out (for internal calls whose walk is already bounded). */
export const UNBOUNDED: StepBudget = Object.freeze({ spend() {} });

/** Checks a partial set of limits given by a caller and fills in the defaults. */
export function resolveLimits(given: Partial<Limits> | undefined): Limits {
  if (given === undefined) return DEFAULT_LIMITS;
  return { ...DEFAULT_LIMITS, ...given };
}
