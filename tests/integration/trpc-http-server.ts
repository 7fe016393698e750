// The app's tRPC endpoint on a real HTTP server for a test file (no Next.js), and session cookies for it: the
// same serveTrpc the app server sends /api/trpc to, or another request handler to compare it with.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { vi } from "vitest";
import { authOptions } from "@/server/auth/auth-options";
import { serveTrpc } from "@/server/http/trpc-handler";
import { unique } from "./factories";

const SECRET = "integration-secret-0123456789abcdef0123456789";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>;

/** Servers started and not yet stopped: the environment is restored when the last one stops. */
let running = 0;

/**
 * Starts `handler` (serveTrpc by default) on a free local port with the session secret set. Stubbed, not
 * assigned: restoring an unset variable by assignment would set it to the text "undefined" for every later
 * file (they share one process). `stop` closes the server; the last server of a file to stop restores the
 * environment (a file may stop one server and go on using another).
 */
export async function startTrpcServer(handler: Handler = serveTrpc): Promise<{ base: string; stop: () => Promise<void> }> {
  if (running++ === 0) {
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  }
  let stopped = false;
  const server = http.createServer((req, res) => void handler(req, res, new URL(req.url ?? "/", "http://localhost")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (--running === 0) vi.unstubAllEnvs();
    },
  };
}

/** A Cookie header with a session of `userId`, as next-auth would set it after signing in (and another cookie before it). */
export async function sessionCookieFor(userId: string): Promise<string> {
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({ token: { sub: userId }, user: { id: userId, email: null, name: null }, account: null } as never);
  return `${unique("c")}=1; next-auth.session-token=${await encode({ token: token as never, secret: SECRET })}`;
}
