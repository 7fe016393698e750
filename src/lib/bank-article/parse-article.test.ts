import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticle, type ParsedArticle, type ParseProblem } from "./parse-article";

const seedsDir = new URL("../../../seeds/", import.meta.url);
const readSeed = (relative: string) => readFileSync(new URL(relative, seedsDir), "utf8");

const mhsSource = readSeed("articles/mental-health-specialist.txt");
const ccmSource = readSeed("articles/clinical-case-manager.txt");

type BankFile = { questions: { index: number; text?: string }[] };
const ccmBank = JSON.parse(readSeed("banks/clinical-case-manager.json")) as BankFile;
const ccmCurated = new Map(
  ccmBank.questions.flatMap((q) => (q.text === undefined ? [] : [[q.index, q.text] as const])),
);

const errors = (article: ParsedArticle) => article.problems.filter((p) => p.severity === "error");
const warnings = (article: ParsedArticle) => article.problems.filter((p) => p.severity === "warning");
const lines = (...rows: string[]) => rows.join("\n");
const brief = (problems: readonly ParseProblem[]) =>
  problems.map(({ line, severity, entryIndex }) => ({ line, severity, entryIndex }));

describe("parseArticle on the Mental Health Specialist seed (numbered shape)", () => {
  const article = parseArticle(mhsSource);

  it("reads the title, role, stated count and shape", () => {
    expect(article.title).toBe("23 Common Mental Health Specialist Interview Questions & Answers");
    expect(article.role).toBe("Mental Health Specialist");
    expect(article.statedCount).toBe(23);
    expect(article.shape).toBe("numbered");
  });

  it("finds 23 complete questions with their text and no problems", () => {
    expect(article.questions).toHaveLength(23);
    expect(article.questions.map((q) => q.index)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    for (const q of article.questions) {
      expect(q.textSource).toBe("article");
      expect(q.text).toMatch(/\S/);
      expect(q.assesses).toMatch(/\S/);
      expect(q.howToAnswer).toMatch(/\S/);
      expect(q.exampleAnswer).toMatch(/\S/);
    }
    expect(article.problems).toEqual([]);
  });

  it("keeps the exact question sentences and their lines", () => {
    const first = article.questions[0];
    const last = article.questions[22];
    expect(first?.text).toBe(
      "When dealing with a client experiencing severe anxiety, what immediate steps do you take to stabilize them?",
    );
    expect(first?.line).toBe(13);
    expect(last?.text).toBe(
      "What is your strategy for integrating physical health and mental health for holistic care?",
    );
    expect(last?.line).toBe(233);
    expect(article.questions[10]?.text).toBe("How do you manage boundaries with clients? Can you give an example?");
  });

  it("strips the labels and the quotes around the example", () => {
    for (const q of article.questions) {
      expect(q.howToAnswer).not.toMatch(/^How to Answer/i);
      expect(q.exampleAnswer).not.toMatch(/^(Example|[\u201c"])/);
      expect(q.exampleAnswer).not.toMatch(/[\u201d"]$/);
    }
    expect(article.questions[0]?.assesses).toMatch(/^Understanding the immediate steps taken/);
    expect(article.questions[0]?.howToAnswer).toMatch(/^Articulate a clear, step-by-step approach/);
  });

  it("keeps multi-paragraph examples whole, joined by a blank line", () => {
    const example = article.questions[0]?.exampleAnswer ?? "";
    const paragraphs = example.split("\n\n");
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(/^First, I focus on creating a safe and calm environment\./);
    expect(paragraphs[1]).toMatch(/^After the client seems more stabilized/);
    expect(paragraphs[1]).toMatch(/both in the moment and moving forward\.$/);
    for (const q of article.questions) expect(q.exampleAnswer.split("\n\n")).toHaveLength(2);
  });

  it("does not let the site navigation leak into the last example", () => {
    const example = article.questions[22]?.exampleAnswer ?? "";
    expect(example).toMatch(/^I always start by assessing both physical and mental health together/);
    expect(example).toMatch(/fostering long-term wellness for my clients\.$/);
    expect(example).not.toMatch(/Previous|Back to Social Services|Economic Support|Interventionist|Next/);
  });

  it("keeps the navigation out even when the last example's closing quote is missing", () => {
    const damaged = mhsSource.replace("long-term wellness for my clients.\u201d", "long-term wellness for my clients.");
    expect(damaged).not.toBe(mhsSource);
    const parsed = parseArticle(damaged);
    expect(parsed.questions).toHaveLength(23);
    expect(parsed.questions[22]?.exampleAnswer).toMatch(/fostering long-term wellness for my clients\.$/);
    expect(brief(parsed.problems)).toEqual([{ line: 239, severity: "warning", entryIndex: 23 }]);
    expect(parsed.problems[0]?.message).toMatch(/never closes/);
  });
});

describe("parseArticle on the Clinical Case Manager seed (unnumbered shape)", () => {
  const article = parseArticle(ccmSource);

  it("reads the title, role, stated count and shape", () => {
    expect(article.title).toBe("23 Common Clinical Case Manager Interview Questions & Answers");
    expect(article.role).toBe("Clinical Case Manager");
    expect(article.statedCount).toBe(23);
    expect(article.shape).toBe("unnumbered");
  });

  it("finds 23 entries with every part, and none made from the intro", () => {
    expect(article.questions).toHaveLength(23);
    for (const q of article.questions) {
      expect(q.assesses).toMatch(/\S/);
      expect(q.howToAnswer).toMatch(/\S/);
      expect(q.exampleAnswer).toMatch(/\S/);
      expect(q.assesses).not.toContain("\n");
    }
    const first = article.questions[0];
    expect(first?.line).toBe(10);
    expect(first?.assesses).toMatch(/^Developing individualized care plans involves synthesizing/);
    expect(article.questions.map((q) => q.line).slice(0, 4)).toEqual([10, 14, 18, 22]);
    expect(article.questions[22]?.line).toBe(97);
    expect(errors(article)).toEqual([]);
  });

  it("splits examples at their closing quote, including one-paragraph examples", () => {
    const twelve = article.questions[11];
    expect(twelve?.exampleAnswer).toMatch(/^During a routine review of a patient’s discharge plan/);
    expect(twelve?.exampleAnswer).not.toContain("\n\n");
    expect(article.questions[12]?.assesses).toMatch(/^Success in case management involves/);
    const first = article.questions[0]?.exampleAnswer.split("\n\n") ?? [];
    expect(first).toHaveLength(2);
    expect(first[1]).toMatch(/^Once the plan is drafted, I prioritize flexibility/);
  });

  it("reports the missing question text of every entry as a warning on its line", () => {
    for (const q of article.questions) {
      expect(q.text).toBeNull();
      expect(q.textSource).toBe("missing");
    }
    const missing = warnings(article);
    expect(missing).toHaveLength(23);
    expect(missing.map((p) => p.line)).toEqual(article.questions.map((q) => q.line));
    expect(missing.map((p) => p.entryIndex)).toEqual(article.questions.map((q) => q.index));
    for (const p of missing) expect(p.message).toMatch(/question text .* is missing/i);
  });

  it("uses curated question text from the bank seed and then has no problems", () => {
    expect(ccmCurated.size).toBe(23);
    const curated = parseArticle(ccmSource, { curatedText: ccmCurated });
    expect(curated.problems).toEqual([]);
    for (const q of curated.questions) {
      expect(q.textSource).toBe("curated");
      expect(q.text).toBe(ccmCurated.get(q.index));
    }
    const asRecord = parseArticle(ccmSource, { curatedText: Object.fromEntries(ccmCurated) });
    expect(asRecord).toEqual(curated);
  });

  it("warns about curated text for an entry that does not exist", () => {
    const article = parseArticle(ccmSource, { curatedText: new Map([...ccmCurated, [24, "Extra?"]]) });
    expect(brief(article.problems)).toEqual([{ line: 1, severity: "warning", entryIndex: undefined }]);
    expect(article.problems[0]?.message).toMatch(/question 24/);
  });
});

describe("parseArticle on malformed numbered articles", () => {
  const header = ["3 Common Test Worker Interview Questions & Answers", ""];

  it("keeps an entry without 'How to Answer:' and reports it on the question line", () => {
    const article = parseArticle(
      lines(
        ...header, // lines 1-2
        "1. How do you handle X?", // 3
        "",
        "This question assesses X.", // 5
        "",
        "How to Answer: Describe X.", // 7
        "",
        "Example: “I handle X.”", // 9
        "",
        "2. How do you handle Y?", // 11
        "",
        "This question assesses Y.", // 13
        "",
        "Example: “I handle Y.”", // 15
        "",
        "3. How do you handle Z?", // 17
        "",
        "This question assesses Z.", // 19
        "",
        "How to Answer: Describe Z.", // 21
        "",
        "Example: “I handle Z.”", // 23
      ),
    );
    expect(article.questions).toHaveLength(3);
    expect(article.questions[1]).toMatchObject({
      index: 2,
      line: 11,
      text: "How do you handle Y?",
      assesses: "This question assesses Y.",
      howToAnswer: "",
      exampleAnswer: "I handle Y.",
    });
    expect(brief(article.problems)).toEqual([{ line: 11, severity: "error", entryIndex: 2 }]);
    expect(article.problems[0]?.message).toMatch(/^Question 2 .*How to Answer/);
  });

  it("keeps an entry without 'Example:' and reports it on the question line", () => {
    const article = parseArticle(
      lines(
        "1. How do you handle X?", // 1
        "",
        "This question assesses X.", // 3
        "",
        "How to Answer: Describe X.", // 5
        "",
        "2. How do you handle Y?", // 7
        "",
        "This question assesses Y.", // 9
        "",
        "How to Answer: Describe Y.", // 11
        "",
        "Example: “I handle Y.”", // 13
      ),
    );
    expect(article.questions).toHaveLength(2);
    expect(article.questions[0]).toMatchObject({ line: 1, howToAnswer: "Describe X.", exampleAnswer: "" });
    expect(brief(article.problems)).toEqual([{ line: 1, severity: "error", entryIndex: 1 }]);
    expect(article.problems[0]?.message).toMatch(/Example:/);
  });

  it("reports a skipped question number on the line of the out-of-sequence question", () => {
    const article = parseArticle(
      lines(
        "1. How do you handle X?", // 1
        "",
        "This question assesses X.",
        "",
        "How to Answer: Describe X.",
        "",
        "Example: “I handle X.”",
        "",
        "3. How do you handle Z?", // 9
        "",
        "This question assesses Z.",
        "",
        "How to Answer: Describe Z.",
        "",
        "Example: “I handle Z.”",
        "",
        "4. How do you handle W?", // 17: follows 3, so only the skip is reported
        "",
        "This question assesses W.",
        "",
        "How to Answer: Describe W.",
        "",
        "Example: “I handle W.”",
      ),
    );
    expect(article.questions.map((q) => q.text)).toEqual([
      "How do you handle X?",
      "How do you handle Z?",
      "How do you handle W?",
    ]);
    expect(article.questions.map((q) => q.line)).toEqual([1, 9, 17]);
    expect(brief(article.problems)).toEqual([{ line: 9, severity: "error", entryIndex: 2 }]);
    expect(article.problems[0]?.message).toMatch(/numbered 3 .*expected 2/);
  });

  it("warns when the title's count differs from the entries found", () => {
    const article = parseArticle(
      lines(
        "Social Services", // 1
        "",
        "5 Common Test Worker Interview Questions & Answers", // 3
        "",
        "1. How do you handle X?",
        "",
        "This question assesses X.",
        "",
        "How to Answer: Describe X.",
        "",
        "Example: “I handle X.”",
      ),
    );
    expect(article.statedCount).toBe(5);
    expect(article.role).toBe("Test Worker");
    expect(brief(article.problems)).toEqual([{ line: 3, severity: "warning", entryIndex: undefined }]);
    expect(article.problems[0]?.message).toMatch(/5 questions but 1 entry was found/);
  });

  it("treats a numbered list inside an open example as part of the answer", () => {
    const article = parseArticle(
      lines(
        "1. How do you plan a discharge?", // 1
        "",
        "This question assesses planning.",
        "",
        "How to Answer: Walk through your steps.",
        "",
        "Example: “I follow three steps:", // 7
        "",
        "1. Review the notes.",
        "",
        "2. Call the family.”",
        "",
        "2. How do you handle Y?", // 13
        "",
        "This question assesses Y.",
        "",
        "How to Answer: Describe Y.",
        "",
        "Example: “I handle Y.”",
      ),
    );
    expect(article.problems).toEqual([]);
    expect(article.questions).toHaveLength(2);
    expect(article.questions[0]?.exampleAnswer).toBe("I follow three steps:\n\n1. Review the notes.\n\n2. Call the family.");
    expect(article.questions[1]?.line).toBe(13);
  });

  it("keeps a list that continues inside an open example, even past the expected question number", () => {
    const article = parseArticle(
      lines(
        "1. How do you plan a discharge?", // 1
        "",
        "This question assesses planning.",
        "",
        "How to Answer: Walk through your steps.",
        "",
        "Example: “I follow these steps:", // 7
        "1. Review the notes.",
        "2. Call the family.",
        "3. Book the follow-up.”",
        "",
        "2. How do you handle Y?", // 12
        "",
        "This question assesses Y.",
        "",
        "How to Answer: Describe Y.",
        "",
        "Example: “I handle Y.”",
      ),
    );
    expect(article.problems).toEqual([]);
    expect(article.questions.map((q) => q.line)).toEqual([1, 12]);
    expect(article.questions[0]?.exampleAnswer).toBe(
      "I follow these steps:\n\n1. Review the notes.\n\n2. Call the family.\n\n3. Book the follow-up.",
    );
  });

  it("warns about an example whose quote never closes, ending it at the next question", () => {
    const article = parseArticle(
      lines(
        "1. How do you handle X?", // 1
        "",
        "This question assesses X.",
        "",
        "How to Answer: Describe X.",
        "",
        "Example: “I handle X.", // 7
        "",
        "2. How do you handle Y?", // 9
        "",
        "This question assesses Y.",
        "",
        "How to Answer: Describe Y.",
        "",
        "Example: “I handle Y.”",
      ),
    );
    expect(article.questions[0]?.exampleAnswer).toBe("I handle X.");
    expect(brief(article.problems)).toEqual([{ line: 7, severity: "warning", entryIndex: 1 }]);
  });

  it("accepts straight quotes and an answer that quotes someone", () => {
    const article = parseArticle(
      lines(
        "1. How do you handle X?",
        "",
        "This question assesses X.",
        "",
        "How to Answer: Describe X.",
        "",
        'Example: "She told me "I feel safer now" and smiled."',
      ),
    );
    expect(article.problems).toEqual([]);
    expect(article.questions[0]?.exampleAnswer).toBe('She told me "I feel safer now" and smiled.');
  });
});

describe("parseArticle on malformed unnumbered articles", () => {
  it("reports an example without a closing quote and guesses the next entry's start", () => {
    const article = parseArticle(
      lines(
        "2 Common Test Worker Interview Questions & Answers", // 1
        "This intro explains what the article covers.", // 2
        "Handling X requires calm.", // 3
        "How to Answer: Describe X.", // 4
        "Example: “I handle X calmly.", // 5
        "Then I follow up with the team.", // 6
        "Handling Y requires patience.", // 7
        "How to Answer: Describe Y.", // 8
        "Example: “I handle Y.”", // 9
      ),
    );
    expect(article.shape).toBe("unnumbered");
    expect(article.questions).toHaveLength(2);
    expect(article.questions[0]).toMatchObject({
      line: 3,
      assesses: "Handling X requires calm.",
      exampleAnswer: "I handle X calmly.\n\nThen I follow up with the team.",
    });
    expect(article.questions[1]).toMatchObject({ line: 7, assesses: "Handling Y requires patience." });
    expect(brief(errors(article))).toEqual([{ line: 5, severity: "error", entryIndex: 1 }]);
    expect(errors(article)[0]?.message).toMatch(/never closes/);
    expect(warnings(article).map((p) => p.line)).toEqual([3, 7]);
  });

  it("keeps an entry without 'How to Answer:' and reports it on its first line", () => {
    const article = parseArticle(
      lines(
        "Handling X requires calm.", // 1
        "How to Answer: Describe X.", // 2
        "Example: “I handle X.”", // 3
        "Handling Y requires patience.", // 4
        "Example: “I handle Y.”", // 5
      ),
      { curatedText: { 1: "How do you handle X?", 2: "How do you handle Y?" } },
    );
    expect(article.questions).toHaveLength(2);
    expect(article.questions[1]).toMatchObject({ line: 4, howToAnswer: "", exampleAnswer: "I handle Y." });
    expect(brief(article.problems)).toEqual([{ line: 4, severity: "error", entryIndex: 2 }]);
  });

  it("reports an entry without an 'assesses' paragraph", () => {
    const article = parseArticle(
      lines(
        "Handling X requires calm.", // 1
        "How to Answer: Describe X.", // 2
        "Example: “I handle X.”", // 3
        "How to Answer: Describe Y.", // 4
        "Example: “I handle Y.”", // 5
      ),
      { curatedText: { 1: "How do you handle X?", 2: "How do you handle Y?" } },
    );
    expect(article.questions[1]).toMatchObject({ line: 4, assesses: "", howToAnswer: "Describe Y." });
    expect(brief(article.problems)).toEqual([{ line: 4, severity: "error", entryIndex: 2 }]);
    expect(article.problems[0]?.message).toMatch(/assesses/);
  });
});

describe("parseArticle on input that is not an article", () => {
  it("reports empty input on line 1", () => {
    for (const source of ["", "\n\n  \n", "\uFEFF"]) {
      const article = parseArticle(source);
      expect(article.shape).toBe("unknown");
      expect(article.questions).toEqual([]);
      expect(brief(article.problems)).toEqual([{ line: 1, severity: "error", entryIndex: undefined }]);
      expect(article.problems[0]?.message).toMatch(/empty/);
    }
  });

  it("reports prose that is not an interview-question article", () => {
    const article = parseArticle(
      lines(
        "",
        "The committee met on Tuesday to review the annual budget.", // 2
        "",
        "1. Approve the minutes.",
        "2. Review the audit findings.",
      ),
    );
    expect(article.shape).toBe("unknown");
    expect(article.questions).toEqual([]);
    expect(brief(article.problems)).toEqual([{ line: 2, severity: "error", entryIndex: undefined }]);
    expect(article.problems[0]?.message).toMatch(/does not look like an interview-question article/);
  });
});

describe("parseArticle input normalisation", () => {
  const windowsStyle = (source: string) =>
    `\uFEFF${source
      .split("\n")
      .map((line) => `${line}  `)
      .join("\r\n")}`;

  it("parses CRLF input with a BOM and trailing spaces exactly like the LF original", () => {
    for (const source of [mhsSource, ccmSource]) {
      expect(parseArticle(windowsStyle(source))).toEqual(parseArticle(source));
    }
    expect(parseArticle(windowsStyle(ccmSource), { curatedText: ccmCurated })).toEqual(
      parseArticle(ccmSource, { curatedText: ccmCurated }),
    );
  });
});
