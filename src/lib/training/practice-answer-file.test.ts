import { describe, expect, it } from "vitest";
import {
  answerBand,
  checkPracticeAnswerFile,
  checkPracticeCoverage,
  identifyingDetails,
  practiceAnswerFileSchema,
  type PracticeAnswerContext,
  type PracticeAnswerFile,
} from "./practice-answer-file";

const anchors = new Map([
  [
    "ethics",
    {
      "1": "Proposes an action that would breach confidentiality or consent.",
      "2": "Names one relevant principle but follows a rule mechanically.",
      "3": "Names the principles in conflict and describes consulting a supervisor.",
      "4": "Walks through a structured decision process and reflects on practice.",
    },
  ],
  [
    "empathy",
    {
      "1": "Talks about clients mainly as problems or tasks.",
      "2": "Uses general phrases such as 'I listen' without specifics.",
      "3": "Gives a specific example of noticing a client's emotional state.",
      "4": "Tailors their response and reflects on a time they misread a client.",
    },
  ],
]);

const context: PracticeAnswerContext = {
  bankSlug: "demo-bank",
  questions: [
    { position: 1, text: "Tell me about an ethical dilemma you faced.", exampleAnswer: "An article answer.", competencies: ["ethics"] },
    { position: 2, text: "How do you respond when a client is upset?", exampleAnswer: "", competencies: ["empathy", "ethics"] },
  ],
  anchors,
};

const writtenText =
  "A client's neighbour asked me how he was doing, and I told her he was struggling and not taking his tablets, because I thought she could keep an eye on him. I didn't ask him first; it seemed kinder to let people who care about him know what was going on.";

function file(answers: unknown[]): PracticeAnswerFile {
  return practiceAnswerFileSchema.parse({ bank: "demo-bank", about: "Test answers.", answers });
}

const good = {
  slug: "q1-does-not-meet",
  question: 1,
  questionStartsWith: "Tell me about an ethical",
  source: "written-for-training",
  text: writtenText,
  ratings: [
    {
      competency: "ethics",
      level: 1,
      rationale: "Tells the neighbour without consent: it “proposes an action that would breach confidentiality” outright.",
    },
  ],
};

describe("practiceAnswerFileSchema", () => {
  it("accepts an article example without text and a written answer with it", () => {
    expect(() =>
      file([good, { slug: "q1-article", question: 1, questionStartsWith: "Tell me about", source: "article-example", ratings: good.ratings }]),
    ).not.toThrow();
  });

  it("refuses levels outside 1–4, written answers without text and article examples with text", () => {
    const withLevel = (level: number) => ({ ...good, ratings: [{ ...good.ratings[0], level }] });
    expect(() => file([withLevel(5)])).toThrow();
    expect(() => file([withLevel(0)])).toThrow();
    expect(() => file([withLevel(2.5)])).toThrow();
    const { text: _text, ...noText } = good;
    expect(() => file([noText])).toThrow();
    expect(() => file([{ ...good, source: "article-example" }])).toThrow();
    expect(() => file([{ ...good, source: "made-up" }])).toThrow();
  });
});

describe("checkPracticeAnswerFile", () => {
  it("finds nothing wrong with a sound file", () => {
    expect(checkPracticeAnswerFile(file([good]), context)).toEqual([]);
  });

  it("reports a question the bank does not have, or whose text does not match", () => {
    expect(checkPracticeAnswerFile(file([{ ...good, question: 9 }]), context)).toEqual([
      { answer: "q1-does-not-meet", message: 'Bank "demo-bank" has no question 9.' },
    ]);
    const renumbered = checkPracticeAnswerFile(file([{ ...good, questionStartsWith: "How do you respond" }]), context);
    expect(renumbered.map((p) => p.message)).toEqual([expect.stringContaining("does not start with") as unknown]);
  });

  it("reports a competency that is not the question's, and a competency of the question left unrated", () => {
    const problems = checkPracticeAnswerFile(
      file([{ ...good, question: 2, questionStartsWith: "How do you respond when" }]),
      context,
    ).map((p) => p.message);
    expect(problems).toEqual(['Question 2 assesses "empathy", which has no reference rating.']);
    const wrong = checkPracticeAnswerFile(
      file([{ ...good, ratings: [...good.ratings, { competency: "empathy", level: 1, rationale: "x".repeat(40) }] }]),
      context,
    ).map((p) => p.message);
    expect(wrong).toEqual([`"empathy" is not one of question 1's competencies (ethics).`]);
  });

  it("insists that a rationale quotes the anchor of the level it gives", () => {
    const rationale = (text: string) => ({ ...good, ratings: [{ competency: "ethics", level: 1, rationale: text }] });
    // No quotation at all.
    expect(checkPracticeAnswerFile(file([rationale("Shares without consent, which is a clear breach of confidentiality.")]), context)).toHaveLength(1);
    // Quotes another level's anchor.
    expect(
      checkPracticeAnswerFile(file([rationale("Nothing like “follows a rule mechanically” here; it breaches confidentiality.")]), context),
    ).toHaveLength(1);
    // Quotes too little to be a citation.
    expect(checkPracticeAnswerFile(file([rationale("It is a “breach confidentiality” case through and through, sadly.")]), context)).toHaveLength(1);
    // Quotes the level's anchor (whatever its case).
    expect(
      checkPracticeAnswerFile(file([rationale("Shares without asking: it “Proposes an action that would breach” consent.")]), context),
    ).toEqual([]);
  });

  it("reports duplicates, a repeated article example, contact details and a copy of the article's example", () => {
    const article = { slug: "q1-article", question: 1, questionStartsWith: "Tell me about", source: "article-example", ratings: good.ratings };
    const problems = checkPracticeAnswerFile(
      file([
        good,
        { ...good, text: `${writtenText} Her email is jo.bloggs@example.org and her number 07700 900123.` },
        article,
        { ...article, slug: "q1-article-again" },
        { ...good, slug: "copied", text: `${"An article answer. ".repeat(12)}` },
      ]),
      { ...context, questions: [{ ...context.questions[0]!, exampleAnswer: `${"An article answer. ".repeat(12)}` }] },
    ).map((p) => `${p.answer}: ${p.message}`);
    expect(problems).toEqual([
      'q1-does-not-meet: The slug "q1-does-not-meet" is used twice.',
      'q1-does-not-meet: The text contains what looks like contact details: "jo.bloggs@example.org".',
      'q1-does-not-meet: The text contains what looks like contact details: "07700 900123".',
      "q1-article-again: Question 1's article example is listed twice.",
      "copied: A written answer repeats the article's example: list it as an article-example instead.",
    ]);
  });

  it("reports a file checked against the wrong bank and an article example the article lacks", () => {
    const article = {
      slug: "q2-article",
      question: 2,
      questionStartsWith: "How do you respond",
      source: "article-example",
      ratings: [
        { competency: "empathy", level: 3, rationale: "It “Gives a specific example of noticing” her distress and what helped." },
        { competency: "ethics", level: 3, rationale: "It “Names the principles in conflict” and who was consulted about them." },
      ],
    };
    expect(checkPracticeAnswerFile(file([article]), { ...context, bankSlug: "other" }).map((p) => p.message)).toEqual([
      'The file is for bank "demo-bank" but was checked against "other".',
      "Question 2 has no example answer in the article.",
    ]);
  });
});

describe("answerBand and checkPracticeCoverage", () => {
  it("bands answers by their references", () => {
    expect(answerBand([{ level: 1 }, { level: 1 }])).toBe("does-not-meet");
    expect(answerBand([{ level: 1 }, { level: 2 }])).toBe("partly-meets");
    expect(answerBand([{ level: 2 }, { level: 3 }])).toBe("meets-or-above");
  });

  it("names each missing kind of answer, too few questions and uncovered competencies", () => {
    const problems = checkPracticeCoverage([{ file: file([good]), context }], { minimumQuestions: 2, competencies: ["ethics", "empathy"] });
    expect(problems).toEqual([
      "demo-bank question 1 has no article example.",
      'demo-bank question 1 has no written "partly meets" variant (references at most 2, at least one 2).',
      "Practice answers cover 1 questions; at least 2 are needed.",
      'No practice answer covers the competency "empathy".',
    ]);
  });

  it("finds contact details but not ordinary numbers", () => {
    expect(identifyingDetails("Call 0161 496 0000 or write to a.b@c.co.uk")).toEqual(["a.b@c.co.uk", "0161 496 0000"]);
    expect(identifyingDetails("Her score went from 19 to 11 over six weeks in 2024.")).toEqual([]);
  });
});
