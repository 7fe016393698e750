import { describe, expect, it } from "vitest";
import { guardCell } from "./guard-cell";

describe("guardCell: spreadsheet formula injection", () => {
  it("neutralises ASCII formula and command starts", () => {
    expect(guardCell('=HYPERLINK("http://evil.example","x")')).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(guardCell("+1 555")).toBe("'+1 555");
    expect(guardCell("-2+3")).toBe("'-2+3");
    expect(guardCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardCell("|cmd!A0")).toBe("'|cmd!A0");
  });

  it("neutralises full-width and small forms of = + - @ |", () => {
    for (const c of ["\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\uFF5C", "\uFE66", "\uFE62", "\uFE63", "\uFE6B"]) {
      expect(guardCell(`${c}1+1`), `U+${c.codePointAt(0)!.toString(16)}`).toBe(`'${c}1+1`);
    }
  });

  it("neutralises a formula after leading spaces, tabs or other whitespace", () => {
    expect(guardCell("  =1+1")).toBe("'  =1+1");
    expect(guardCell("\t=1+1")).toBe("'\t=1+1");
    expect(guardCell("\u00A0\u3000+cmd")).toBe("'\u00A0\u3000+cmd");
    expect(guardCell("\tplain")).toBe("'\tplain");
    expect(guardCell("\rplain")).toBe("'\rplain");
  });

  it("neutralises every later line that starts a formula, whatever the line break", () => {
    expect(guardCell("Good answer\n=HYPERLINK(\"x\")")).toBe("Good answer\n'=HYPERLINK(\"x\")");
    expect(guardCell("a\r\n  @SUM(1)\rb\r-1")).toBe("a\r\n'  @SUM(1)\rb\r'-1");
    expect(guardCell("=1\n=2")).toBe("'=1\n'=2");
  });

  it("keeps ordinary text exactly", () => {
    for (const text of [
      "Fine",
      "",
      "Calm - kept the client safe",
      "ann@example.org",
      "a|b",
      "1 + 1 = 2",
      "   leading spaces and words",
      "Line one\nLine two\n  indented line",
      "Zoë e\u0301 مريم 👩🏽‍⚕️",
      "'already quoted",
    ]) {
      expect(guardCell(text)).toBe(text);
    }
  });
});
