// SCIM's own error form (RFC 7644 §3.12): the services throw this and the /scim/v2 handler writes it as
// `{ schemas: [Error], status, scimType, detail }`, SCIM's equivalent of problem details.
export type ScimType =
  | "invalidFilter"
  | "invalidSyntax"
  | "invalidPath"
  | "invalidValue"
  | "mutability"
  | "noTarget"
  | "uniqueness"
  | "tooMany";

export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429 | 500 | 501,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
    this.name = "ScimError";
  }
}

export const scimNotFound = (what: "User" | "Group", id: string) => new ScimError(404, `${what} ${id} not found.`);
