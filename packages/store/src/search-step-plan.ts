/** The two ways a step of a filtered text search reads its band (see sqlite-incident-search.ts). */
export type StepSide = 'text' | 'filters';

/** What a step of one side examined and found. */
interface Tally {
  steps: number;
  examined: number;
  hits: number;
  budget: number;
}

/**
 * Which side takes the next step of a filtered text search, and how many rows it examines.
 * Each side steps once first with the first budget (the text step stops as soon as the page is
 * full, so a word under a filter most rows pass, such as a viewer's visibility, reads only the
 * page) — then the side that found more hits per row examined goes on alone, with a budget
 * of about 1.5 times the rows its rate says the rest of the page needs (at least `minBudget`, at
 * most double its last one). Both sides' rates are smoothed (+1), so a side that found nothing in
 * a small sample is not ruled out against one that found nothing in a large one.
 *
 * Which side reads a band never changes the rows found (each step examines its band completely),
 * only the cost: a common word with a rare place (1 in 66) read 1,024 rows in two rounds of the
 * former plain alternation, and reads about 600 this way.
 */
export class SearchStepPlan {
  private readonly tallies: Record<StepSide, Tally>;

  constructor(
    private readonly need: number,
    firstBudget: number,
    private readonly minBudget: number,
  ) {
    this.tallies = {
      text: { steps: 0, examined: 0, hits: 0, budget: Math.max(1, firstBudget) },
      filters: { steps: 0, examined: 0, hits: 0, budget: Math.max(1, firstBudget) },
    };
  }

  /** The side of the next step and its budget (at least 1 row). */
  next(found: number): { side: StepSide; budget: number } {
    const { text, filters } = this.tallies;
    if (text.steps === 0) return { side: 'text', budget: text.budget };
    if (filters.steps === 0) return { side: 'filters', budget: filters.budget };
    const rate = (t: Tally) => (t.hits + 1) / (t.examined + 1);
    const side: StepSide = rate(filters) > rate(text) ? 'filters' : 'text';
    const t = this.tallies[side];
    const wanted = Math.ceil((1.5 * Math.max(1, this.need - found)) / rate(t));
    return { side, budget: Math.max(1, Math.min(2 * t.budget, Math.max(this.minBudget, wanted))) };
  }

  /** Records what a step examined and found. */
  record(side: StepSide, budget: number, examined: number, hits: number): void {
    const t = this.tallies[side];
    t.steps += 1;
    t.examined += examined;
    t.hits += hits;
    t.budget = budget;
  }
}
