import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BODY_BYTES } from "./body-limit";
import { bodyLimitFor, MAX_UPLOAD_BODY_BYTES } from "./upload-body-limit";

describe("bodyLimitFor", () => {
  it("lets a file upload through, alone or batched with another upload", () => {
    expect(bodyLimitFor("candidateImport.preview")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("candidateImport.preview,candidateImport.confirm")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("bankAdmin.previewImportFile")).toBe(MAX_UPLOAD_BODY_BYTES);
  });

  it("keeps the API's limit for everything else, and for a batch mixing an upload with another call", () => {
    expect(bodyLimitFor("candidates.create")).toBe(MAX_REQUEST_BODY_BYTES);
    expect(bodyLimitFor("candidateImport.preview,candidates.create")).toBe(MAX_REQUEST_BODY_BYTES);
    expect(bodyLimitFor("")).toBe(MAX_REQUEST_BODY_BYTES);
  });
});
