import type { Issue } from "../../errors";
import type { ScheduleFile } from "../../schema/schedule";
import type { IssueContext, MakeIssue } from "../../source";
import type { HintBudget } from "../hints";
import type { KnownIds } from "./ids";

/** Where the semantic checks put their issues, in the order they find them. */
export interface IssueSink extends IssueContext {
  readonly make: MakeIssue;
  readonly issues: Issue[];
}

/** What the checks after the id check share: the file, the ids references may use, the hint budget. */
export interface CheckContext extends IssueSink {
  readonly file: ScheduleFile;
  readonly known: KnownIds;
  readonly hints: HintBudget;
}
