// Each field at fault with its own message (the first one per field), from zod's issues: the shape forms
// show beside their fields, made the same way by the server's error formatter and the browser's own check.
import type { z } from "zod";

export function fieldMessages(issues: ReadonlyArray<z.core.$ZodIssue>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.join(".");
    if (path && !(path in fields)) fields[path] = issue.message;
  }
  return fields;
}
