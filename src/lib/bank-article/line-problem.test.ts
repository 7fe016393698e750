// The preview's problems come with a key and values the page words (banks namespace, lineProblems): the English
// worded from the key is the problem's own English message, and Spanish is worded from the same facts.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import competencySeeds from "../../../seeds/competencies.json";
import { tableToImport } from "./formats/table-to-import";
import { parseArticle } from "./parse-article";
import { prepareArticleImport } from "./prepare-import";
import { locateLines, type LocatedProblem } from "./formats/locate-lines";
import { prepareBankText } from "./formats/prepare-bank-file";
import { wordLineProblem, wordProblemPlace } from "./line-problem";

type Say = Parameters<typeof wordLineProblem>[0];
const say = (locale: "en" | "es") => createTranslator({ locale, messages: loadMessages(locale), namespace: "banks" }) as unknown as Say;
const competencies = competencySeeds as { slug: string; name: string; keywords: string[] }[];

const ARTICLE = `3 Common Nurse Interview Questions & Answers

1. Why nursing?

This question assesses motivation.

How to Answer:
Say why.

Example:
"Because I care."

3. What is hard?

Xyzzy plugh.

How to Answer:
Be honest.

Example:
"Nights."`;

const lines = (...l: string[]) => l.join("\n");
// Articles whose entries go wrong in the ways a problem names an entry: numbered (a second label, a stray and
// trailing paragraphs, a missing section, an open quote) and unnumbered (a guessed boundary, no example).
const ENTRY_ARTICLES = [
  lines("1. Why X?", "", "This question assesses X.", "", "How to Answer: Say X.", "", "How to Answer: Again.", "", "Example: “I do X.”", "", "A stray remark.", "", "2. Why Y?", "", "This question assesses Y.", "", "Example: “I do Y.”", "", "Trailing words.", "", "More trailing."),
  lines("1. Why X?", "", "This question assesses X.", "", "How to Answer: Say X.", "", "Example: “I do X."),
  lines("Intro.", "", "This assesses calm.", "", "How to Answer:", "Stay calm.", "", "Example:", "Unquoted answer here.", "", "More unquoted.", "", "How to Answer:", "Next one.", "", "Example:", '"Fine."', "", "This assesses x.", "", "How to Answer:", "One.", "", "Two.", "", "How to Answer:", "Three.", "", "Example:", '"ok"'),
  lines("How to Answer: Say.", "", "Example: “Yes.”"),
];

function problems() {
  const article = prepareArticleImport(ARTICLE, competencies, new Map([[9, "A question"]])).problems;
  const table = tableToImport(
    {
      format: "csv",
      encoding: "utf-8",
      sheetName: null,
      headers: ["Question", "Assesses", "Guidance", "Example", "Competencies"],
      rows: [{ rowNumber: 2, cells: ["Why?", "Empathy", "", "Yes", "Nonsense, Other"] }],
    },
    { text: "Question", assesses: "Assesses", howToAnswer: "Guidance", exampleAnswer: null, competencies: "Competencies" },
    competencies,
  ).problems;
  const entries = ENTRY_ARTICLES.flatMap((a) => parseArticle(a).problems);
  return [...parseArticle("   ").problems, ...parseArticle("Just a note.").problems, ...article, ...table, ...entries];
}

describe("the import preview's problems by key", () => {
  it("word every keyed problem in English exactly as its message", () => {
    const all = problems();
    const keys = all.map((p) => p.key);
    for (const key of ["empty", "notArticle", "curatedOutOfRange", "titleCount", "noCompetency", "chooseColumn", "emptyField", "unknownCompetencies",
      "duplicateLabel", "strayParagraphs", "trailingParagraphs", "runsIntoNext", "exampleGuessed", "exampleQuotes", "noAssesses", "noHowTo", "noExample"]) {
      expect(keys, key).toContain(key);
    }
    const english = say("en");
    for (const problem of all.filter((p) => p.key)) expect(wordLineProblem(english, problem)).toBe(problem.message);
  });

  it("word a line problem in Spanish from the same facts", () => {
    const titleCount = problems().find((p) => p.key === "titleCount")!;
    expect(titleCount.message).toBe("The title promises 3 questions but 2 entries were found.");
    expect(wordLineProblem(say("es"), titleCount)).toBe("El título promete 3 preguntas, pero se han encontrado 2 entradas.");
    const unknown = problems().find((p) => p.key === "unknownCompetencies")!;
    expect(wordLineProblem(say("es"), unknown)).toBe("Entrada 1: “Nonsense”, “Other” no son competencias del marco y se han omitido.");
  });

  it("word a problem about an entry in Spanish, naming the entry from its number and opening words", () => {
    const stray = problems().find((p) => p.key === "strayParagraphs")!;
    expect(stray.message).toBe('1 paragraph after the example of question 1 ("Why X?") belongs to no entry and was ignored.');
    expect(wordLineProblem(say("es"), stray)).toBe("1 párrafo posterior al ejemplo de la pregunta 1 («Why X?») no pertenece a ninguna entrada y se ha omitido.");
    const noAssesses = problems().find((p) => p.key === "noAssesses" && p.message.startsWith("Entry 1 has"))!;
    expect(wordLineProblem(say("es"), noAssesses)).toBe("La entrada 1 no tiene ningún párrafo sobre lo que evalúa la pregunta.");
  });

  it("word where a problem is in English exactly as its `where`, and in Spanish from the same facts", () => {
    const html = prepareBankText("<h1>Notes</h1>\n<p>1. Why X?</p>\n<p>How to Answer: Say X.</p>", "html", { competencies });
    const word = locateLines(prepareArticleImport(ENTRY_ARTICLES[1]!, competencies), "docx", ENTRY_ARTICLES[1]!, null);
    const all: LocatedProblem[] = [...problems(), ...html.problems, ...word.problems];
    const placed = all.filter((p) => p.place);
    for (const key of ["cell", "mapping", "htmlLine", "convertedLine"]) expect(placed.map((p) => p.place?.key), key).toContain(key);
    for (const problem of placed) expect(wordProblemPlace(say("en"), problem, "")).toBe(problem.where);
    const cell = placed.find((p) => p.place?.key === "cell" && p.where?.includes("Guidance"))!;
    expect(cell.where).toBe("row 2, column C (“Guidance”)");
    expect(wordProblemPlace(say("es"), cell, "")).toBe("fila 2, columna C («Guidance»)");
    const open = placed.find((p) => p.key === "exampleQuotes")!;
    expect(open.where).toBe("line 7 of the text read from the Word document (“Example: “I do X.”)");
    expect(wordProblemPlace(say("es"), open, "")).toBe("línea 7 del texto leído del documento de Word («Example: “I do X.»)");
    expect(wordProblemPlace(say("es"), { where: undefined }, "línea 4")).toBe("línea 4");
    expect(say("en")("lineNotes.html" as never)).toBe(html.lineNote);
  });

  it("shows a problem without a key as its English message", () => {
    expect(wordLineProblem(say("es"), { message: "As written." })).toBe("As written.");
  });
});
