// The REST API's problem details in the language of Accept-Language, over real HTTP through the app server's
// handler (src/server/http/rest-handler.ts): a service's refusal in Spanish for "es", English word for word
// without the header; type and status the same, Content-Language naming the language.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRest } from "@/server/http/rest-handler";
import { createOrganization } from "./factories";
import { keyFor } from "./rest-api-kit";

let server: http.Server;
let base = "";
let key = "";

beforeAll(async () => {
  server = http.createServer((req, res) => void serveRest(req, res, new URL(req.url ?? "/", "http://localhost")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { org, members } = await createOrganization(["ADMIN"]);
  key = (await keyFor(org.id, members.ADMIN.userId)).key;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("REST problem details over HTTP", () => {
  it("word a service's refusal in Spanish for Accept-Language: es, and in English as before without it", async () => {
    const ask = (headers: Record<string, string>) => fetch(`${base}/api/v1/candidates/not-a-candidate`, { headers: { authorization: `Bearer ${key}`, ...headers } });
    const spanish = await ask({ "accept-language": "es-ES,es;q=0.9" });
    expect(spanish.status).toBe(404);
    expect(spanish.headers.get("content-language")).toBe("es");
    expect(await spanish.json()).toEqual({
      type: "/api/v1/docs#problem-not-found",
      title: "No encontrado",
      status: 404,
      detail: "No se ha encontrado la persona candidata.",
    });
    const english = await ask({});
    expect(english.headers.get("content-language")).toBe("en");
    expect(await english.json()).toEqual({ type: "/api/v1/docs#problem-not-found", title: "Not found", status: 404, detail: "Candidate not found." });
  });
});
