// A small script for the document and reducer tests: Opening has a (empathy) and b (empathy, ethics);
// Crisis has c (crisis). Targets empathy and ethics, equally weighted; 30 minutes planned.
import { withEqualWeights, type ScriptDocument, type ScriptItemDraft } from "./script-document";

export const item = (key: string, competencyIds: string[], minutes = 5): ScriptItemDraft => ({
  key,
  questionId: null,
  text: `Question ${key}`,
  minutes,
  goodAnswer: "",
  exampleAnswer: "",
  probes: [],
  required: true,
  competencyIds,
});

export const doc = (overrides: Partial<ScriptDocument> = {}): ScriptDocument => ({
  title: "Mental Health Specialist panel",
  role: "Mental Health Specialist",
  instructions: "",
  plannedMinutes: 30,
  targets: withEqualWeights(["empathy", "ethics"]),
  sections: [
    { key: "s1", title: "Opening", items: [item("a", ["empathy"]), item("b", ["empathy", "ethics"], 10)] },
    { key: "s2", title: "Crisis", items: [item("c", ["crisis"], 20)] },
  ],
  ...overrides,
});
