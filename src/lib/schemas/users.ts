import { LOCALES } from "@/i18n/config";
import { z } from "./zod";

/** A language Panelkit speaks, or null to follow the browser's. */
export const setLocaleInputSchema = z.object({ locale: z.enum(LOCALES).nullable() });
export const setLocaleResultSchema = z.object({ locale: z.enum(LOCALES).nullable() });
