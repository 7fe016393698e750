// Opaque page cursors: the (time, id) of a page's last item, base64url-encoded. Opaque so clients pass it
// back as it is and the order can change later without breaking them; a cursor that can't be read is a 400.
import { z } from "zod";

export type Cursor = { at: Date; id: string };

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

export function encodeCursor(cursor: Cursor | null): string | null {
  return cursor ? Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url") : null;
}

export function decodeCursor(text: string | undefined): Cursor | null | "invalid" {
  if (!text) return null;
  try {
    const [at, id] = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { at: new Date(at), id };
  } catch {
    return "invalid";
  }
}
