// The audit log, read-only: the application has no way to change or remove an event (a trigger refuses too).
import { z } from "zod";
import { auditActionSchema } from "@/server/services/audit/audit-actions";
import { listAuditEvents, listAuditFilterOptions } from "@/server/services/audit/list-audit-events";
import { createTRPCRouter, orgProcedure } from "../trpc";

const shortText = z.string().trim().max(100);

export const auditFiltersSchema = z
  .object({
    action: auditActionSchema.optional(),
    /** A member's user id, or "system" for events with no actor (the retention job). */
    actorId: shortText.optional(),
    entityType: shortText.optional(),
    entityId: shortText.optional(),
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: "The start date must be before the end date", path: ["to"] });

export const auditRouter = createTRPCRouter({
  list: orgProcedure("audit:read")
    .input(
      z.object({
        filters: auditFiltersSchema.default({}),
        cursor: z.string().max(20).nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(
      z.object({
        events: z.array(
          z.object({
            id: z.string(),
            createdAt: z.date(),
            action: z.string(),
            entityType: z.string(),
            entityId: z.string(),
            actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
            data: z.string(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, { ...input.filters, cursor: input.cursor, limit: input.limit })),

  filterOptions: orgProcedure("audit:read")
    .output(
      z.object({
        actions: z.array(auditActionSchema),
        entityTypes: z.array(z.string()),
        actors: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    )
    .query(({ ctx }) => listAuditFilterOptions(ctx.db, ctx.actor)),
});
