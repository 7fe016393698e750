// A decision's rationale must cite at least one of the stage's competencies by name (the refusal naming them:
// rationaleMustCite in src/server/services/debriefs/_shared/outcome.ts).

/** The competencies named in the text (case and spacing aside), in the order given. */
export function citedCompetencies(text: string, competencyNames: readonly string[]): string[] {
  const haystack = normalise(text);
  return competencyNames.filter((name) => {
    const needle = normalise(name);
    return needle.length > 0 && haystack.includes(needle);
  });
}

function normalise(text: string): string {
  return text.toLocaleLowerCase("en-GB").replace(/[\s\-_]+/g, " ").trim();
}
