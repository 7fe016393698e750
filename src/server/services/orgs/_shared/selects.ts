// Prisma selects the organisation's services share.
import type { Prisma } from "@/generated/prisma/client";

/** A person as the app shows them to colleagues: id, name and email, never credentials. */
export const userIdentitySelect = { id: true, name: true, email: true } satisfies Prisma.UserSelect;
