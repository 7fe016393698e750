// Procedures whose input is a whole uploaded file (base64 inside the JSON body) get a larger body limit than
// the API's 2 MiB: a 20 MB spreadsheet is about 27 MB as base64. Only when every call of the request is one of
// them, so a batch cannot smuggle a large body to another procedure.
import { MAX_REQUEST_BODY_BYTES } from "./body-limit";

export const UPLOAD_PROCEDURES = new Set(["candidateImport.preview", "candidateImport.confirm", "bankAdmin.previewImportFile"]);

/** 20 MB as base64 (4 characters per 3 bytes) plus room for the rest of the input. */
export const MAX_UPLOAD_BODY_BYTES = 28 * 1024 * 1024;

/** The body limit for a request to these procedure path(s) ("a.b,c.d", decoded). */
export function bodyLimitFor(path: string): number {
  const paths = path.split(",");
  return path !== "" && paths.every((procedure) => UPLOAD_PROCEDURES.has(procedure)) ? MAX_UPLOAD_BODY_BYTES : MAX_REQUEST_BODY_BYTES;
}
