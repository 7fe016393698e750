// Problem details in the request's language: English exactly as the API has always answered, Spanish when
// Accept-Language asks for it; type, status and field names the same in both.
import { describe, expect, it } from "vitest";
import { optionalEmailSchema } from "@/lib/schemas/common";
import { z } from "@/lib/schemas/zod";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { handleApiRequest } from "./handle-request";
import { apiWords, PROBLEM_TYPES, problemFromError, validationProblem } from "./problem";

// Refused before any key is looked up: no database is reached.
const noDatabase = {} as Db;
const get = (path: string, headers: Record<string, string> = {}) => handleApiRequest(new Request(`http://localhost/api/v1${path}`, { headers }), noDatabase);

describe("REST problem details", () => {
  it("stay in English, word for word, without Accept-Language or with a language we don't speak", async () => {
    for (const headers of [{}, { "Accept-Language": "de-DE,de;q=0.9" }] as Record<string, string>[]) {
      const answer = await get("/nothing-here", headers);
      expect(answer.headers.get("content-language")).toBe("en");
      expect(await answer.json()).toEqual({
        type: "/api/v1/docs#problem-not-found",
        title: "Not found",
        status: 404,
        detail: "There is no endpoint /nothing-here in API v1. See /api/v1/docs.",
      });
    }
    const noKey = await get("/candidates");
    expect(await noKey.json()).toMatchObject({ title: "Missing or invalid API key", detail: "Send an API key as Authorization: Bearer <key>." });
    for (const [status, [slug, title]] of Object.entries(PROBLEM_TYPES)) expect(apiWords("en")(`titles.${slug}`), status).toBe(title);
  });

  it("are in Spanish for Accept-Language: es, with Content-Language saying so and the type unchanged", async () => {
    const answer = await get("/nothing-here", { "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" });
    expect(answer.headers.get("content-language")).toBe("es");
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(await answer.json()).toEqual({
      type: "/api/v1/docs#problem-not-found",
      title: "No encontrado",
      status: 404,
      detail: "No hay ningún endpoint /nothing-here en la API v1. Consulte /api/v1/docs.",
    });
    const noKey = await get("/candidates", { "Accept-Language": "es" });
    expect(noKey.headers.get("www-authenticate")).toContain("Bearer");
    expect(await noKey.json()).toMatchObject({ status: 401, title: "Falta la clave de API o no es válida", detail: "Envíe una clave de API como Authorization: Bearer <key>." });
  });

  it("word a service's refusal and a refused body in Spanish, field names as sent", async () => {
    const refused = await problemFromError(notFound("Candidate"), undefined, "es").json();
    expect(refused).toMatchObject({ status: 404, detail: "No se ha encontrado la persona candidata." });
    const invalid = z.object({ email: optionalEmailSchema }).safeParse({ email: "not-an-email" });
    const body = await validationProblem(invalid.error!, "body", "es").json();
    expect(body).toMatchObject({ type: "/api/v1/docs#problem-invalid-request", title: "Solicitud no válida", errors: [{ field: "email" }] });
    expect(body.detail).toBe("El cuerpo de la solicitud no es válido: email: Introduzca una dirección de correo electrónico válida");
  });
});
