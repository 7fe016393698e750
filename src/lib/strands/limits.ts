// Lengths the strands' inputs allow, without zod: the scoring screen's assisted-scoring field reads its limit
// here, so the browser fetches no schema library for it (lib/schemas/strands.ts checks the same limit).
export const SUPPORTER_NAME_MAX = 120;
