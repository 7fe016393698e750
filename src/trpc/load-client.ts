// The tRPC client (with its links and superjson, about 14 KB compressed), loaded on first use rather than
// with the page. The scoring page needs it only to save a change or submit, so a panelist's first load
// (a tablet, maybe on a poor connection) carries none of it. A failed load (offline, server gone) is
// forgotten, so the next call tries again.
import type { AppTRPCClient } from "./client";
import { unreachableMessage } from "./unreachable";

type ClientModule = typeof import("./client");

let loading: Promise<ClientModule> | null = null;
let loaded: ClientModule | null = null;

/** Thrown when the client's code could not be downloaded: the server can't be reached. */
export class ClientLoadError extends Error {
  constructor(cause: unknown) {
    super(unreachableMessage(String(cause)), { cause });
    this.name = "ClientLoadError";
  }
}

function loadModule(): Promise<ClientModule> {
  loading ??= import("./client").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw new ClientLoadError(error);
    },
  );
  return loading;
}

/** The tab's tRPC client, once its code is here. */
export async function loadTRPCClient(): Promise<AppTRPCClient> {
  return (await loadModule()).getTRPCClient();
}

/** Whether `error` is an answer from the tRPC server (as opposed to no answer at all). */
export function isTRPCClientError(error: unknown): error is import("@trpc/client").TRPCClientError<import("@/server/api/root").AppRouter> {
  return loaded !== null && error instanceof loaded.TRPCClientError;
}
