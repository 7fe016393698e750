import { describe, expect, it } from "vitest";
import { formatList } from "./format-list";

describe("formatList", () => {
  it("writes English lists without the serial comma, as before", () => {
    expect(formatList(["Empathy", "Ethics", "Crisis handling"], "en", "disjunction")).toBe("Empathy, Ethics or Crisis handling");
    expect(formatList(["Dee Pending", "Hana Pending HR"], "en")).toBe("Dee Pending and Hana Pending HR");
    expect(formatList(["Ann"], "en")).toBe("Ann");
  });

  it("writes Spanish lists with y and o (e and u where Spanish wants them)", () => {
    expect(formatList(["Ana", "Luis", "Marta"], "es")).toBe("Ana, Luis y Marta");
    expect(formatList(["Ana", "Inés"], "es")).toBe("Ana e Inés");
    expect(formatList(["Empatía", "Ética"], "es", "disjunction")).toBe("Empatía o Ética");
    expect(formatList(["Entrevista 2,5", "Tarea 3"], "es", "unit")).toBe("Entrevista 2,5 y Tarea 3");
    expect(formatList(["Interview 2.5", "Task 3"], "en", "unit")).toBe("Interview 2.5, Task 3");
  });
});
