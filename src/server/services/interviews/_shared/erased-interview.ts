import { AppError } from "@/server/errors";

/** An erased candidate's records are read-only everywhere. */
export const erasedInterview = () =>
  new AppError("CONFLICT", { key: "interview.erased" });
