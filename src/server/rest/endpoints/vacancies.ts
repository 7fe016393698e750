// Vacancies: the list and one vacancy with its stages. The app's services bound the list (500), so it is
// paged from their answer with an offset cursor.
import { z } from "zod";
import { apiVacancyDetailsSchema, apiVacancySchema, idParamSchema, pageOf, pageQuerySchema, updatedSinceSchema } from "@/lib/schemas/api-v1";
import { getVacancy } from "@/server/services/vacancies/get-vacancy";
import { listVacancies } from "@/server/services/vacancies/list-vacancies";
import { endpoint } from "../endpoint";
import { offsetPage } from "./offset-page";

const pick = <T extends z.ZodObject>(schema: T, value: object) => schema.strip().parse(value) as z.output<T>;

export const vacancyEndpoints = [
  endpoint({
    method: "GET",
    path: "/vacancies",
    operationId: "listVacancies",
    summary: "List vacancies",
    description: "Every vacancy of the organisation; candidate counts cover the candidates within the key creator's scope.",
    tag: "Vacancies",
    scope: "vacancies:read",
    query: pageQuerySchema.extend(updatedSinceSchema.shape),
    response: pageOf(apiVacancySchema),
    run: async ({ db, actor, query }) => {
      const { vacancies } = await listVacancies(db, actor, {});
      const since = query.updated_since;
      const rows = vacancies.filter((v) => !since || v.updatedAt >= since).map((v) => pick(apiVacancySchema, v));
      return { body: offsetPage(rows, query) };
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
