// A competing CPU load for the contended save runs: a second process spinning on one core for as long as a
// run lasts, as another busy process on the same host would. On a 2-core machine it leaves the app, the
// database and the load generator one core between them, which is where a save's tail comes from.
import { spawn, type ChildProcess } from "node:child_process";

const spinners = new Set<ChildProcess>();
// The bench may be stopped mid-run: never leave a spinner behind.
process.once("exit", () => {
  for (const spinner of spinners) spinner.kill("SIGKILL");
});

/** Runs `work` while a separate Node process spins on one core; the spinner is killed when `work` settles. */
export async function withCompetingLoad<T>(work: () => Promise<T>): Promise<T> {
  const spinner = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  spinners.add(spinner);
  try {
    // Let it get going (and the scheduler notice it) before the run starts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return await work();
  } finally {
    spinner.kill("SIGKILL");
    spinners.delete(spinner);
  }
}
