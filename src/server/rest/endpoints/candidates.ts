// Candidates: create, update, list (keyset pages by last change, for sync) and get. Contact data follows the
// app's rule for the key's creator (null without candidates:contact).
import {
  apiCandidateRowSchema,
  apiCandidateSchema,
  apiCreateCandidateBody,
  apiUpdateCandidateBody,
  idParamSchema,
  listCandidatesQuery,
  pageOf,
} from "@/lib/schemas/api-v1";
import type { DbOrTx } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { createCandidate } from "@/server/services/candidates/create-candidate";
import { getCandidate } from "@/server/services/candidates/get-candidate";
import { listCandidatesPage } from "@/server/services/candidates/list-candidates-page";
import { updateCandidate } from "@/server/services/candidates/update-candidate";
import { endpoint } from "../endpoint";
import { keysetBody, keysetFrom } from "./keyset";

async function candidateBody(db: DbOrTx, actor: Actor, id: string) {
  return apiCandidateSchema.parse(await getCandidate(db, actor, { id }));
}

export const candidateEndpoints = [
  endpoint({
    method: "GET",
    path: "/candidates",
    operationId: "listCandidates",
    summary: "List candidates, oldest change first",
    description: "Keyset pages ordered by updatedAt then id: walk next_cursor to the end, then keep the last updatedAt for the next sync's updated_since.",
    tag: "Candidates",
    scope: "candidates:read",
    query: listCandidatesQuery,
    response: pageOf(apiCandidateRowSchema),
    run: async ({ db, actor, query }) => ({
      body: keysetBody(await listCandidatesPage(db, actor, { ...keysetFrom(query), vacancyId: query.vacancy_id, status: query.status })),
    }),
  }),
  endpoint({
    method: "GET",
    path: "/candidates/{id}",
    operationId: "getCandidate",
    summary: "Get a candidate",
    tag: "Candidates",
    scope: "candidates:read",
    response: apiCandidateSchema,
    run: async ({ db, actor, params }) => ({ body: await candidateBody(db, actor, idParamSchema.parse(params).id) }),
  }),
  endpoint({
    method: "POST",
    path: "/candidates",
    operationId: "createCandidate",
    summary: "Create a candidate for a vacancy",
    description: "The candidate starts at the vacancy's first stage. Send an Idempotency-Key header to make retries safe.",
    tag: "Candidates",
    scope: "candidates:write",
    body: apiCreateCandidateBody,
    response: apiCandidateSchema,
    idempotent: true,
    run: async ({ db, actor, body }) => {
      const { id } = await createCandidate(db, actor, body);
      return { status: 201, body: await candidateBody(db, actor, id), location: `/api/v1/candidates/${id}`, changed: ["Candidate", id] };
    },
  }),
  endpoint({
    method: "PATCH",
    path: "/candidates/{id}",
    operationId: "updateCandidate",
    summary: "Change a candidate",
    description: "Fields left out stay as they are. Send If-Match with the ETag you read to refuse the change (412) if someone changed the candidate since.",
    tag: "Candidates",
    scope: "candidates:write",
    body: apiUpdateCandidateBody,
    response: apiCandidateSchema,
    current: ({ db, actor, params }) => candidateBody(db, actor, idParamSchema.parse(params).id),
    run: async ({ db, actor, params, body, precondition }) => {
      const { id } = idParamSchema.parse(params);
      await updateCandidate(db, actor, { ...body, id }, precondition);
      return { body: await candidateBody(db, actor, id), changed: ["Candidate", id] };
    },
  }),
];
