// Candidate contact data (email, phone, notes) is personal data: only roles with candidates:contact see it.
import { roleHas } from "@/server/auth/permissions";
import type { Actor } from "@/server/services/actor";

type WithContact = { email: string | null; phone: string | null; notes: string };

/** The contact fields as the actor may see them: the values, or null for roles without candidates:contact. */
export function visibleContact(actor: Actor, candidate: WithContact) {
  const allowed = roleHas(actor.role, "candidates:contact");
  return {
    email: allowed ? candidate.email : null,
    phone: allowed ? candidate.phone : null,
    notes: allowed ? candidate.notes : null,
  };
}

/** Blank optional text is stored as null, so "no email" has one spelling. */
export const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
