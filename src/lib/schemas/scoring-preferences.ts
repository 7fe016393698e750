// The scoring screen's own preferences (issue 23): easy-read mode on or off.
import { z } from "./zod";

export const setEasyReadInput = z.object({ easyRead: z.boolean() });
export type SetEasyReadInput = z.output<typeof setEasyReadInput>;
