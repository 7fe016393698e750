// Command-line scripts that load server modules (the demo seed encrypts monitoring answers with
// src/server/security/monitoring-crypto.ts) run outside React Server Components, where the `server-only`
// marker throws on import. These processes are the server side, so the marker resolves to nothing (the app
// server, scripts/serve.ts, does the same). Affects modules imported after the call.
import { register } from "node:module";

let registered = false;

export function allowServerOnlyImports(): void {
  if (registered) return;
  registered = true;
  register(
    "data:text/javascript," +
      encodeURIComponent(
        `export async function resolve(specifier, context, nextResolve) {
          if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
          return nextResolve(specifier, context);
        }`,
      ),
    import.meta.url,
  );
}
