import { AppError } from "@/server/errors";
import { decodeCursor, encodeCursor, type Cursor } from "../cursor";

/** The service's keyset page from the query's limit, cursor and updated_since. */
export function keysetFrom(query: { limit: number; cursor?: string; updated_since?: Date }) {
  const after = decodeCursor(query.cursor);
  if (after === "invalid") throw new AppError("BAD_REQUEST", { key: "request.badCursor" }, "cursor");
  return { after, since: query.updated_since ?? null, limit: query.limit };
}

export function keysetBody<T>(page: { items: T[]; next: Cursor | null }) {
  return { data: page.items, next_cursor: encodeCursor(page.next) };
}
