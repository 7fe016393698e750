// Interviews: schedule, reschedule or cancel, set the panel, get one, list them (keyset pages by last change,
// for sync).
import {
  apiCreateInterviewBody,
  apiInterviewRowSchema,
  apiInterviewSchema,
  apiSetPanelBody,
  apiUpdateInterviewBody,
  idParamSchema,
  listInterviewsQuery,
  pageOf,
} from "@/lib/schemas/api-v1";
import { setPanelInput } from "@/lib/schemas/interviews";
import type { DbOrTx } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { createInterview } from "@/server/services/interviews/create-interview";
import { getInterview } from "@/server/services/interviews/get-interview";
import { listInterviewsPage } from "@/server/services/interviews/list-interviews-page";
import { setInterviewPanel } from "@/server/services/interviews/set-interview-panel";
import { updateInterview } from "@/server/services/interviews/update-interview";
import { endpoint } from "../endpoint";
import { keysetBody, keysetFrom } from "./keyset";

async function interviewBody(db: DbOrTx, actor: Actor, id: string) {
  const i = await getInterview(db, actor, { id });
  return apiInterviewSchema.parse({
    id: i.id,
    scheduledAt: i.scheduledAt,
    location: i.location,
    status: i.status,
    stage: i.stage,
    candidateId: i.candidate.id,
    script: i.script,
    panel: i.panel,
  });
}

const current = ({ db, actor, params }: { db: DbOrTx; actor: Actor; params: Record<string, string> }) =>
  interviewBody(db, actor, idParamSchema.parse(params).id);

export const interviewEndpoints = [
  endpoint({
    method: "GET",
    path: "/interviews",
    operationId: "listInterviews",
    summary: "List interviews, oldest change first",
    description: "Keyset pages ordered by updatedAt then id: walk next_cursor to the end, then keep the last updatedAt for the next sync's updated_since. from/to filter on the scheduled time.",
    tag: "Interviews",
    scope: "interviews:read",
    query: listInterviewsQuery,
    response: pageOf(apiInterviewRowSchema),
    run: async ({ db, actor, query }) => ({
      body: keysetBody(await listInterviewsPage(db, actor, { ...keysetFrom(query), candidateId: query.candidate_id, status: query.status, from: query.from, to: query.to })),
    }),
  }),
  endpoint({
    method: "GET",
    path: "/interviews/{id}",
    operationId: "getInterview",
    summary: "Get an interview with its panel",
    tag: "Interviews",
    scope: "interviews:read",
    response: apiInterviewSchema,
    run: async (ctx) => ({ body: await current(ctx) }),
  }),
  endpoint({
    method: "POST",
    path: "/interviews",
    operationId: "createInterview",
    summary: "Schedule an interview",
    description: "The stage defaults to the candidate's current one and the panel to the stage's default panel. Send an Idempotency-Key header to make retries safe.",
    tag: "Interviews",
    scope: "interviews:write",
    body: apiCreateInterviewBody,
    response: apiInterviewSchema,
    idempotent: true,
    run: async ({ db, actor, body }) => {
      const { id } = await createInterview(db, actor, body);
      return { status: 201, body: await interviewBody(db, actor, id), location: `/api/v1/interviews/${id}`, changed: ["Interview", id] };
    },
  }),
  endpoint({
    method: "PATCH",
    path: "/interviews/{id}",
    operationId: "updateInterview",
    summary: "Reschedule or cancel an interview",
    description: "Send scheduledAt and/or location to reschedule, status CANCELLED to cancel. If-Match is honoured (412 on mismatch).",
    tag: "Interviews",
    scope: "interviews:write",
    body: apiUpdateInterviewBody,
    response: apiInterviewSchema,
    current,
    run: async ({ db, actor, params, body, precondition }) => {
      const { id } = idParamSchema.parse(params);
      await updateInterview(db, actor, { ...body, id }, precondition);
      return { body: await interviewBody(db, actor, id), changed: ["Interview", id] };
    },
  }),
  endpoint({
    method: "PUT",
    path: "/interviews/{id}/panel",
    operationId: "setInterviewPanel",
    summary: "Set an interview's panel (add or remove panelists)",
    description:
      "Send the whole panel you want: members left out are removed, new ones added. If-Match is honoured against the interview's ETag. Once a scorecard is submitted, adding someone who could already read it without a seat (HR, an admin, the candidate's hiring manager) is refused with 409: their ratings would not be independent.",
    tag: "Interviews",
    scope: "interviews:write",
    body: apiSetPanelBody,
    response: apiInterviewSchema,
    current,
    run: async ({ db, actor, params, body, precondition }) => {
      const { id } = idParamSchema.parse(params);
      // The app's own panel rules (a shadow is a member; one member is not a shadow) checked as the app does.
      await setInterviewPanel(db, actor, setPanelInput.parse({ ...body, id }), precondition);
      return { body: await interviewBody(db, actor, id), changed: ["Interview", id] };
    },
  }),
];
