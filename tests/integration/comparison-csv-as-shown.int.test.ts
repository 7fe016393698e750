// The comparison's CSV as the page shows it (issue 14, item 16): the screen's words and rounding, the
// same rows in the same order as the raw file, and the same formula guard.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { comparisonCsvAsShown, exportFileNameFor } from "@/server/services/insights/comparison-csv-as-shown";
import { exportLocale } from "@/app/api/export/export-request";
import { comparisonCsv, ratingsCsv } from "@/server/services/insights/export-csv";
import { compareAs, createInsightsFixture, type InsightsFixture } from "./insights-factories";

let f: InsightsFixture;
beforeAll(async () => {
  f = await createInsightsFixture();
});

const rowsOf = (csv: string): string[][] => parse(csv, { bom: true });

describe("comparison CSV as shown", () => {
  it("uses the page's column names, status words and rounding, with the verdict beside the candidate", async () => {
    const hr = { userId: f.hr.userId, orgId: f.org.id, role: "HR" as const };
    const [header, ...rows] = rowsOf(await comparisonCsvAsShown(db(), hr, { vacancyId: f.vacancyId, blind: false }));
    const compare = await compareAs(f.hr.caller, { vacancyId: f.vacancyId, blind: false });
    expect(header!.slice(0, 9)).toEqual([
      "Candidate",
      "Vacancy",
      "Weighted score",
      "Strong yes",
      "Yes",
      "No",
      "Strong no",
      "Status",
      "Latest outcome",
    ]);
    expect(header!.slice(-6)).toEqual([
      "Advanced to",
      "Decision rationale",
      "Override of the formula",
      "Override justification",
      "Decided by",
      "Decided on",
    ]);
    expect(header).toContain(`${compare.competencies[0]!.name}${compare.competencies[0]!.weight != null ? ` (weight ${compare.competencies[0]!.weight}%)` : ""} mean`);
    expect(rows.map((r) => r[0])).toEqual(compare.rows.map((r) => r.label));
    // The raw file's second row: "Nora Quill, Crisis Worker, ACTIVE, , Interview, 1, 3, 2.58, 2.83, 6, 2.33, 3, 2.33, 3, 0, 1, 1, 1, …".
    const [, raw] = rowsOf(await comparisonCsv(db(), hr, { vacancyId: f.vacancyId, blind: false })).slice(1);
    expect(raw!.slice(0, 3)).toEqual(["Nora Quill", "Crisis Worker", "ACTIVE"]);
    // Undecided: where she waits, and no decision to give reasons for.
    expect(rows[1]).toEqual([
      "Nora Quill", "Crisis Worker", "2.58", "1", "1", "1", "0", "Active", "Awaiting decision (Interview)",
      "2.8", "6", "2.3", "3", "2.3", "3", "3", "1", "", "", "", "", "", "",
    ]);
  });

  it("writes the header row in the reader's language and leaves every data row as it is (issue 23)", async () => {
    const hr = { userId: f.hr.userId, orgId: f.org.id, role: "HR" as const };
    const input = { vacancyId: f.vacancyId, blind: false };
    const [enShown, esShown] = [rowsOf(await comparisonCsvAsShown(db(), hr, input)), rowsOf(await comparisonCsvAsShown(db(), hr, input, undefined, "es"))];
    expect(esShown[0]!.slice(0, 9)).toEqual([
      "Candidatura", "Vacante", "Puntuación ponderada", "Sí, rotundamente", "Sí", "No", "No, rotundamente", "Estado", "Último resultado",
    ]);
    expect(esShown[0]!.at(-1)).toBe("Decidido el");
    expect(esShown[0]!.length).toBe(enShown[0]!.length);
    expect(esShown.slice(1)).toEqual(enShown.slice(1));
    const [enRaw, esRaw] = [rowsOf(await comparisonCsv(db(), hr, input)), rowsOf(await comparisonCsv(db(), hr, input, undefined, "es"))];
    expect(esRaw[0]!.slice(0, 3)).toEqual(["candidatura", "vacante", "estado"]);
    expect(esRaw.slice(1)).toEqual(enRaw.slice(1));
    const [enRatings, esRatings] = [rowsOf(await ratingsCsv(db(), hr, input)), rowsOf(await ratingsCsv(db(), hr, input, "es"))];
    expect(esRatings[0]!.slice(0, 2)).toEqual(["candidatura", "fecha_entrevista"]);
    expect(esRatings.slice(1)).toEqual(enRatings.slice(1));
  });

  it("reads the export's language as the pages do: saved choice, then cookie, then Accept-Language, then English", async () => {
    const request = (headers: Record<string, string>) => new Request("http://localhost/api/export/comparison", { headers });
    const of = (headers: Record<string, string>) => exportLocale(request(headers), db(), f.hr.userId, null);
    expect(await of({})).toBe("en");
    expect(await of({ "accept-language": "es-MX,es;q=0.9,en;q=0.8" })).toBe("es");
    expect(await of({ cookie: "theme=dark; NEXT_LOCALE=es", "accept-language": "en" })).toBe("es");
    await db().user.update({ where: { id: f.hr.userId }, data: { locale: "en" } });
    try {
      expect(await of({ cookie: "NEXT_LOCALE=es" })).toBe("en");
    } finally {
      await db().user.update({ where: { id: f.hr.userId }, data: { locale: null } });
    }
  });

  it("names the files so that people can tell them apart", () => {
    const day = new Date("2026-12-04T10:00:00Z");
    expect(exportFileNameFor("comparison-as-shown", day)).toBe("panelkit-comparison-as-shown-2026-12-04.csv");
    expect(exportFileNameFor("ratings-raw", day)).toBe("panelkit-ratings-raw-2026-12-04.csv");
  });
});
