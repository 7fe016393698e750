// What to tell a client whose request tRPC could not read. The parsers' own messages ("Unexpected token 'o',
// "not json" is not valid JSON", superjson's, a RangeError from a hostile meta tree) quote the request back,
// name libraries and describe their internals; the client learns nothing useful from them, so they never
// leave the server. Errors of ours (AppError) and of the input schemas (ZodError) keep their messages.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError, englishErrors, type ErrorKey } from "@/server/errors";

export const NOT_JSON_BODY = "The request body is not valid JSON.";
export const NOT_JSON_INPUT = "The request's input is not valid JSON.";
export const UNREADABLE_INPUT = "The request's input could not be read. Send it in the form the app's own client uses.";
export const WRONG_CONTENT_TYPE = "Send the request body as JSON (Content-Type: application/json).";

/** The key (errors.json) of our message for a request tRPC could not read, or null to keep the error's own. */
export function unreadableRequestKey(error: TRPCError, type: string): ErrorKey | null {
  if (error.code === "UNSUPPORTED_MEDIA_TYPE") return "request.wrongContentType";
  if (error.code !== "BAD_REQUEST" && error.code !== "PARSE_ERROR") return null;
  const cause = error.cause;
  if (!cause || cause instanceof AppError || cause instanceof ZodError) return null;
  // JSON.parse failed: on the body for mutations, on the URL's `input` for queries and subscriptions.
  if (cause instanceof SyntaxError) return type === "mutation" ? "request.notJsonBody" : "request.notJsonInput";
  return "request.unreadableInput";
}

/** The same, in English. */
export function unreadableRequestMessage(error: TRPCError, type: string): string | null {
  const key = unreadableRequestKey(error, type);
  return key && englishErrors(key);
}
