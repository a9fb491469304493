import { MAX_HINT_CELLS } from "../limits";

/** Cells of edit-distance tables still to fill for hints: every "did you mean" spends from it. */
export interface HintBudget {
  cells: number;
}

/** The budget of one validation: {@link MAX_HINT_CELLS} cells. */
export function hintBudget(): HintBudget {
  return { cells: MAX_HINT_CELLS };
}

/** The known id closest to `word` within a third of its length, or "" (also once the budget is spent). */
export function closest(word: string, candidates: Iterable<string>, budget: HintBudget): string {
  let best = "";
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    budget.cells -= (word.length + 1) * (candidate.length + 1);
    if (budget.cells < 0) return best;
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}
