import type { Prisma } from "@/generated/prisma/client";

/** The organisation's privacy settings, as the settings page reads and writes them. */
export const privacySettingsSelect = { retentionDays: true, keepAnonymousRatings: true } satisfies Prisma.OrganizationSelect;
