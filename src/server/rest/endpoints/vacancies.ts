// Vacancies: the list (keyset pages by last change, for sync) and one vacancy with its stages.
import { z } from "zod";
import { apiVacancyDetailsSchema, apiVacancySchema, idParamSchema, pageOf, pageQuerySchema, updatedSinceSchema } from "@/lib/schemas/api-v1";
import { getVacancy } from "@/server/services/vacancies/get-vacancy";
import { listVacanciesPage } from "@/server/services/vacancies/list-vacancies-page";
import { endpoint } from "../endpoint";
import { keysetBody, keysetFrom } from "./keyset";

const pick = <T extends z.ZodObject>(schema: T, value: object) => schema.strip().parse(value) as z.output<T>;

export const vacancyEndpoints = [
  endpoint({
    method: "GET",
    path: "/vacancies",
    operationId: "listVacancies",
    summary: "List vacancies, oldest change first",
    description: "Every vacancy of the organisation in keyset pages ordered by updatedAt then id (keep the last updatedAt for the next sync's updated_since); candidate counts cover the candidates within the key creator's scope.",
    tag: "Vacancies",
    scope: "vacancies:read",
    query: pageQuerySchema.extend(updatedSinceSchema.shape),
    response: pageOf(apiVacancySchema),
    run: async ({ db, actor, query }) => {
      const page = await listVacanciesPage(db, actor, keysetFrom(query));
      return { body: keysetBody({ items: page.items.map((v) => pick(apiVacancySchema, v)), next: page.next }) };
    },
  }),
  endpoint({
    method: "GET",
    path: "/vacancies/{id}",
    operationId: "getVacancy",
    summary: "Get a vacancy with its stages",
    tag: "Vacancies",
    scope: "vacancies:read",
    response: apiVacancyDetailsSchema,
    run: async ({ db, actor, params }) => ({ body: pick(apiVacancyDetailsSchema, await getVacancy(db, actor, idParamSchema.parse(params))) }),
  }),
];
