import { AppError } from "@/server/errors";
import { decodeOffset, encodeOffset } from "../cursor";

/** A page of a list already in memory (the services' bounded lists), with an offset cursor. */
export function offsetPage<T>(rows: T[], query: { limit: number; cursor?: string }) {
  const offset = decodeOffset(query.cursor);
  if (offset === "invalid") throw new AppError("BAD_REQUEST", "This cursor can't be read: pass next_cursor as it came.", "cursor");
  const data = rows.slice(offset, offset + query.limit);
  return { data, next_cursor: encodeOffset(offset + query.limit < rows.length ? offset + query.limit : null) };
}
