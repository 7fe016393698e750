// Specs that start servers of their own (a PostgreSQL, app servers, `npm run dev`) and time how those
// processes stop and start: run-e2e.ts runs them on their own after the others, in one worker, so a second
// worker's browser and app never compete with their start-ups and restarts (playwright.config.ts reads this).
export const SOLO_SPECS = [
  "container-entrypoint.spec.ts",
  "faults.spec.ts",
  "http-robustness.spec.ts",
  "supervision.spec.ts",
  "two-instances.spec.ts",
] as const;

export const isSoloSpec = (file: string): boolean => SOLO_SPECS.some((name) => file.endsWith(`/${name}`) || file === name);
