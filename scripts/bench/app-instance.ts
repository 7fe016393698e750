// Another app server on the bench's database (progress.fanout split over two instances, save_rating.two_instances):
// started as the first one is (scripts/serve.ts, as npm start runs it), with the same secrets, so a session
// cookie signed by one instance is honoured by the other, as behind a load balancer.
import { spawn, type ChildProcess } from "node:child_process";
import { appServerCommand } from "../lib/app-server-command";
import { findFreePort } from "../lib/embedded-db";

export type StartedInstance = { child: ChildProcess; baseUrl: string; pid: number | undefined; stop: () => Promise<void> };

/** Starts an app server with `env` (the first instance's, see run.ts) on a free port; resolves once healthy. */
export async function startAppInstance(root: string, env: NodeJS.ProcessEnv): Promise<StartedInstance> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const [command, args] = appServerCommand();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // gone
        }
      }, 10_000).unref();
    });
  process.once("exit", () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("The second app server exited early; see its output above.");
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return { child, baseUrl, pid: child.pid, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${baseUrl}/api/health did not answer within 60 s`);
}
