import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import type { Translate } from "./builder-types";
import { publishBlockers } from "./publish-button";

const item = (competencyIds: string[]) => ({ key: "i", questionId: null, text: "Q", minutes: 5, goodAnswer: "", exampleAnswer: "", probes: [], required: true, competencyIds });
const translator = (locale: "en" | "es") => createTranslator({ locale, messages: loadMessages(locale), namespace: "scriptBuilder" }) as unknown as Translate;

describe("publishBlockers", () => {
  it("says why a draft can't be published, as the server would refuse it", () => {
    const t = translator("en");
    expect(publishBlockers({ sections: [{ key: "s", title: "Opening", items: [] }], targets: [] }, t)).toEqual(["Add at least one question to publish."]);
    expect(
      publishBlockers({ sections: [{ key: "s", title: "Opening", items: [item(["a"]), item([])] }], targets: [{ competencyId: "a", weight: 60 }] }, t),
    ).toEqual(["Question 2 needs one to three competencies.", "Competency weights must add up to 100% to publish (now 60%)."]);
    expect(publishBlockers({ sections: [{ key: "s", title: "Opening", items: [item(["a"])] }], targets: [{ competencyId: "a", weight: 100 }] }, t)).toEqual([]);
  });

  it("says it in Spanish for a Spanish reader", () => {
    const t = translator("es");
    expect(publishBlockers({ sections: [{ key: "s", title: "Apertura", items: [item(["a"])] }], targets: [{ competencyId: "a", weight: 60 }] }, t)).toEqual([
      "Los pesos de las competencias deben sumar 100 % para publicar (ahora suman 60 %).",
    ]);
  });
});
