// A decision's rationale must cite at least one of the stage's competencies by name.

/** The competencies named in the text (case and spacing aside), in the order given. */
export function citedCompetencies(text: string, competencyNames: readonly string[]): string[] {
  const haystack = normalise(text);
  return competencyNames.filter((name) => {
    const needle = normalise(name);
    return needle.length > 0 && haystack.includes(needle);
  });
}

/** "Empathy, Ethics or Crisis handling". */
export function listOfNames(names: readonly string[], conjunction = "or"): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
}

/** The message when no competency is cited, naming every one the chair may cite. */
export function rationaleMustCite(competencyNames: readonly string[]): string {
  return competencyNames.length === 0
    ? "This stage has no competencies to cite: give the stage a script version with weighted competencies."
    : `The rationale must cite at least one competency by name: ${listOfNames(competencyNames)}.`;
}

function normalise(text: string): string {
  return text.toLocaleLowerCase("en-GB").replace(/[\s\-_]+/g, " ").trim();
}
