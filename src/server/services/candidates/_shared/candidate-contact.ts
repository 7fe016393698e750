// Candidate contact data (the personal fields of candidateContactSchema: email, phone, notes) is personal
// data: only roles with candidates:contact see it.
import { candidateContactKeys, type CandidateContactKey } from "@/lib/schemas/candidates";
import { roleHas } from "@/server/auth/permissions";
import type { Actor } from "@/server/services/actor";

type VisibleContact<T> = { [K in keyof T & CandidateContactKey]: T[K] | null };

/**
 * The personal fields a row holds, as the actor may see them: the values, or null for roles without
 * candidates:contact. Only the personal fields come back; spread them over the row they came from.
 */
export function visibleContact<T extends Partial<Record<CandidateContactKey, unknown>>>(actor: Actor, candidate: T): VisibleContact<T> {
  const allowed = roleHas(actor.role, "candidates:contact");
  const visible: Record<string, unknown> = {};
  for (const key of candidateContactKeys) {
    if (key in candidate) visible[key] = allowed ? candidate[key] : null;
  }
  return visible as VisibleContact<T>;
}
