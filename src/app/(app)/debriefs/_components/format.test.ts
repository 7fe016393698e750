import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { alphaFigure, figure } from "./format";

describe("debrief figures", () => {
  const en = createFormatter({ locale: "en" });
  const es = createFormatter({ locale: "es" });

  it("keeps English as it was: two decimals, whole numbers bare, a dash for none", () => {
    expect([figure(2.5, en), figure(2.666, en), figure(3, en), figure(null, en), alphaFigure(0.81234, en)]).toEqual(["2.50", "2.67", "3", "—", "0.812"]);
  });

  it("writes Spanish decimals with a comma", () => {
    expect([figure(2.583, es), figure(3, es), alphaFigure(-0.1, es)]).toEqual(["2,58", "3", "-0,100"]);
  });
});
