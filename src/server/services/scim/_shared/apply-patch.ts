// PATCH operations (RFC 7644 §3.5.2) applied to a resource as the providers send them: Entra ID writes op
// names capitalised ("Replace") and may send a value object without a path; Okta sends `replace` with
// `{ active: false }`. scim-patch does the path work; the result is checked like a PUT body afterwards.
import { scimPatch, type ScimPatchOperation, type ScimResource } from "scim-patch";
import { ScimError } from "./scim-error";

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

function operationsOf(body: unknown): ScimPatchOperation[] {
  const ops = (body as { Operations?: unknown } | null)?.Operations;
  if (!Array.isArray(ops) || ops.length === 0) throw new ScimError(400, "A PATCH needs an Operations array.", "invalidSyntax");
  return ops.map((op: unknown) => {
    const { op: name, path, value } = (op ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
    const lower = typeof name === "string" ? name.toLowerCase() : "";
    if (lower !== "add" && lower !== "replace" && lower !== "remove") throw new ScimError(400, `Unknown PATCH op ${String(name)}: use add, replace or remove.`, "invalidSyntax");
    if (path !== undefined && typeof path !== "string") throw new ScimError(400, "A PATCH path must be a string.", "invalidPath");
    return { op: lower, ...(path === undefined ? {} : { path }), ...(value === undefined ? {} : { value }) } as ScimPatchOperation;
  });
}

/** The resource after the operations; `id`, `meta` and `schemas` are the server's and may not change. */
export function applyPatch<T extends { id: string }>(resource: T, body: unknown): Record<string, unknown> {
  const operations = operationsOf(body);
  for (const op of operations) {
    const root = op.path?.split(/[.[]/)[0]?.toLowerCase();
    if (root === "id" || root === "meta" || root === "groups") throw new ScimError(400, `${op.path} cannot be changed.`, "mutability");
  }
  let patched: Record<string, unknown>;
  try {
    patched = scimPatch(structuredClone(resource) as unknown as ScimResource, operations, { mutateDocument: false, treatMissingAsAdd: true }) as unknown as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : "The PATCH could not be applied.";
    throw new ScimError(400, message, /target/i.test(message) ? "noTarget" : /path/i.test(message) ? "invalidPath" : "invalidValue");
  }
  if (patched.id !== resource.id) throw new ScimError(400, "id cannot be changed.", "mutability");
  return patched;
}
