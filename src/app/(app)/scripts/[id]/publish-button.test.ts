import { describe, expect, it } from "vitest";
import { publishBlockers } from "./publish-button";

const item = (competencyIds: string[]) => ({ key: "i", questionId: null, text: "Q", minutes: 5, goodAnswer: "", exampleAnswer: "", probes: [], required: true, competencyIds });

describe("publishBlockers", () => {
  it("says why a draft can't be published, as the server would refuse it", () => {
    expect(publishBlockers({ sections: [{ key: "s", title: "Opening", items: [] }], targets: [] })).toEqual(["Add at least one question to publish."]);
    expect(
      publishBlockers({ sections: [{ key: "s", title: "Opening", items: [item(["a"]), item([])] }], targets: [{ competencyId: "a", weight: 60 }] }),
    ).toEqual(["Question 2 needs one to three competencies.", "Competency weights must add up to 100% to publish (now 60%)."]);
    expect(publishBlockers({ sections: [{ key: "s", title: "Opening", items: [item(["a"])] }], targets: [{ competencyId: "a", weight: 100 }] })).toEqual([]);
  });
});
