import { AppError } from "@/server/errors";

/** An erased candidate's records are read-only everywhere. */
export const erasedInterview = () =>
  new AppError("CONFLICT", "This candidate's personal data was erased: their interviews can no longer be changed.");
