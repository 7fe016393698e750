import { describe, expect, it } from "vitest";
import { errorTranslator } from "@/server/api/localize-error";
import { mappingRefusal, rowRefusal } from "./import-refusals";

describe("the import's refusal of a file still at fault", () => {
  it("names the row and its problem in English as before, and in Spanish for a Spanish reader", () => {
    const refused = rowRefusal(7, { field: "email", key: "emailInvalid", values: {} });
    expect(refused.message).toBe("Row 7: Enter a valid email address Correct the file or skip the row.");
    expect(refused.localized(errorTranslator("es"))).toBe("Fila 7: Introduzca una dirección de correo electrónico válida Corrija el archivo u omita la fila.");
    const vacancy = rowRefusal(12, { field: "vacancy", key: "vacancyFilled", values: { vacancy: "Night Porter" } });
    expect(vacancy.message).toBe("Row 12: The vacancy “Night Porter” is filled: it takes no new candidates. Correct the file or skip the row.");
  });

  it("refuses a mapping by its first problem, on the mapping field", () => {
    const refused = mappingRefusal({ key: "noColumn", values: { header: "Phone" } });
    expect(refused).toMatchObject({ code: "BAD_REQUEST", field: "mapping", message: "The file has no column “Phone”." });
    expect(refused.localized(errorTranslator("es"))).toBe("El archivo no tiene ninguna columna «Phone».");
  });
});
