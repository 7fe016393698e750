import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { loadMessages } from "@/i18n/load-messages";
import type { Translate } from "@/server/errors";
import { ago, judgeReadiness, unreadyRefusal } from "./readiness-rules";

const now = new Date("2026-12-05T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const rule = { practiceMonths: 12, practiceMaxMad: 0.75 };

describe("judgeReadiness", () => {
  it("is ready on an accurate session in the window, whatever came after", () => {
    const r = judgeReadiness([{ completedAt: daysAgo(40), meanAbsDiff: 0.5 }, { completedAt: daysAgo(3), meanAbsDiff: 1.4 }], rule, now);
    expect(r).toEqual({ status: "READY", text: "Ready", lastPractisedAt: daysAgo(3), facts: { days: 3, off: null, maxMad: 0.75, months: 12 } });
  });

  it("names the latest session in the window and the threshold when none was accurate enough", () => {
    const r = judgeReadiness([{ completedAt: daysAgo(61), meanAbsDiff: 1.1 }, { completedAt: daysAgo(400), meanAbsDiff: 0.2 }], rule, now);
    expect(r.status).toBe("INACCURATE");
    expect(r.text).toBe("Practised 2 months ago, off by 1.1 (needs ≤ 0.75)");
    expect(r.facts).toEqual({ days: 61, off: 1.1, maxMad: 0.75, months: 12 });
    expect(judgeReadiness([{ completedAt: daysAgo(61), meanAbsDiff: 1.1 }], rule, now, false).text).toBe(
      "Practised 2 months ago, not yet accurate enough (needs ≤ 0.75)",
    );
  });

  it("compares the figure as shown: 0.754 reads 0.75 and passes 0.75; 0.756 does not", () => {
    expect(judgeReadiness([{ completedAt: daysAgo(1), meanAbsDiff: 0.754 }], rule, now).status).toBe("READY");
    expect(judgeReadiness([{ completedAt: daysAgo(1), meanAbsDiff: 0.756 }], rule, now).status).toBe("INACCURATE");
  });

  it("is stale when every session is older than the script's months, and never without any", () => {
    const stale = judgeReadiness([{ completedAt: daysAgo(430), meanAbsDiff: 0.3 }], rule, now);
    expect(stale.status).toBe("STALE");
    expect(stale.text).toBe("Last practised 14 months ago (needs a session within the last 12 months)");
    expect(judgeReadiness([], rule, now)).toEqual({
      status: "NEVER",
      text: "Never practised",
      lastPractisedAt: null,
      facts: { days: null, off: null, maxMad: 0.75, months: 12 },
    });
  });

  it("words how long ago in days, weeks and months", () => {
    expect(ago(daysAgo(0), now)).toBe("today");
    expect(ago(daysAgo(1), now)).toBe("yesterday");
    expect(ago(daysAgo(9), now)).toBe("9 days ago");
    expect(ago(daysAgo(20), now)).toBe("2 weeks ago");
    expect(ago(daysAgo(35), now)).toBe("a month ago");
  });
});

describe("unreadyRefusal", () => {
  const script = { scriptTitle: "Ward sister", practiceMonths: 12, practiceMaxMad: 0.75 };
  const unready = [
    { name: "Third interviewer", ...judgeReadiness([{ completedAt: daysAgo(61), meanAbsDiff: 1.1 }], rule, now) },
    { name: "Second interviewer", ...judgeReadiness([{ completedAt: daysAgo(430), meanAbsDiff: 0.3 }], rule, now) },
    { name: "HR person", ...judgeReadiness([], rule, now) },
  ];

  it("names each unready panelist and why, in English as the message and in Spanish with a decimal comma", () => {
    const refused = unreadyRefusal(script, unready, "panelUserIds");
    expect(refused.code).toBe("CONFLICT");
    expect(refused.field).toBe("panelUserIds");
    expect(refused.message).toBe(
      "«Ward sister» requires panelists to be ready: a practice session on it within 12 months, off by no more than 0.75. " +
        "Not ready: Third interviewer (practised 2 months ago, off by 1.1 (needs ≤ 0.75)); Second interviewer (last practised 14 months ago " +
        "(needs a session within the last 12 months)); HR person (never practised). They can practise under Training first, or sit in as a shadow.",
    );
    const spanish = createTranslator({ locale: "es", messages: loadMessages("es") as AbstractIntlMessages, namespace: "errors" }) as unknown as Translate;
    const one = unreadyRefusal({ ...script, practiceMonths: 1 }, [unready[0]!]);
    expect(one.message).toContain("within 1 month, off by no more than 0.75. Not ready: Third interviewer (practised 2 months ago, off by 1.1 (needs ≤ 0.75)).");
    expect(one.localized(spanish)).toBe(
      "«Ward sister» exige que los panelistas estén preparados: una sesión de práctica con este guion en el último mes, con una desviación de no más de 0,75. " +
        "Sin preparación: Third interviewer (practicó hace 2 meses, con una desviación de 1,1 (se exige ≤ 0,75)). Pueden practicar antes en Capacitación, o participar como observadores.",
    );
  });
});
