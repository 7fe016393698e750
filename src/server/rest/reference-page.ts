// The API reference at /api/v1/docs: plain HTML rendered on the server from the OpenAPI document (no
// scripts: the pages' Content-Security-Policy forbids third-party ones and CI has no network).
import { API_SCOPES, SCOPE_LABELS, SCOPE_PERMISSION } from "@/lib/api-scopes";
import { openApiDocument } from "./openapi-document";
import { PROBLEM_TYPES } from "./problem";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const code = (value: unknown) => `<pre><code>${escape(JSON.stringify(value, null, 2))}</code></pre>`;

type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

function operationHtml(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map((p) => `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td>${escape(p.description ?? "")}</td></tr>`)
    .join("");
  const body = op.requestBody ? `<h4>Request body (application/json)</h4>${code(Object.values(op.requestBody.content)[0]?.schema)}` : "";
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
      const schema = status.startsWith("2") && media ? code(media.schema) : "";
      return `<li><strong>${status}</strong> ${escape(r.description)}${type ? ` <code>${type}</code>` : ""}${schema}</li>`;
    })
    .join("");
  return `<section id="${escape(op.operationId)}" aria-labelledby="${escape(op.operationId)}-h">
<h3 id="${escape(op.operationId)}-h"><code>${method.toUpperCase()} /api/v1${escape(path)}</code>: ${escape(op.summary ?? "")}</h3>
<p>${escape(op.description ?? "")}</p>
${params ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">About</th></tr></thead><tbody>${params}</tbody></table>` : ""}
${body}<h4>Responses</h4><ul>${responses}</ul></section>`;
}

let cached: string | undefined;

export function referencePage(): string {
  if (cached) return cached;
  const doc = openApiDocument() as unknown as { info: { title: string; description: string }; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => operationHtml(method, path, op)));
  const scopes = API_SCOPES.map((s) => `<tr><td><code>${s}</code></td><td>${escape(SCOPE_LABELS[s])}</td><td><code>${SCOPE_PERMISSION[s]}</code></td></tr>`).join("");
  const problems = Object.entries(PROBLEM_TYPES)
    .map(([status, [slug, title]]) => `<li id="problem-${slug}"><strong>${status}</strong> <code>${slug}</code>: ${escape(title)}</li>`)
    .join("");
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3>${code(schema)}</section>`)
    .join("");
  cached = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#0f172a}pre{background:#f1f5f9;padding:.5rem;overflow:auto;max-height:24rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #cbd5e1;padding:.25rem .5rem;text-align:left;vertical-align:top}section{border-top:1px solid #cbd5e1;margin-top:1.5rem}a{color:#1d4ed8}</style>
</head><body><main>
<h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description)}</p>
<p>The machine-readable contract: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Authentication and scopes</h2><p>Send <code>Authorization: Bearer pk_…</code>. Admins create keys in Settings. A request needs the endpoint's scope on the key and, in the role of the member who created the key, the permission below.</p>
<table><caption>Scopes</caption><thead><tr><th scope="col">Scope</th><th scope="col">Allows</th><th scope="col">Creator's role must hold</th></tr></thead><tbody>${scopes}</tbody></table>
<h2>Conventions</h2><ul>
<li>Lists return <code>{"data": [...], "next_cursor": "…"}</code>; pass <code>cursor</code> to get the next page (<code>limit</code> up to 100). Candidate, scorecard and decision lists run oldest change first and take <code>updated_since</code>, for sync.</li>
<li>Every answer carries an <code>ETag</code>; <code>If-None-Match</code> gives 304 when unchanged; <code>If-Match</code> on PATCH and PUT gives 412 if the resource changed since you read it (optional).</li>
<li>Creates take <code>Idempotency-Key</code>: the same key and body replay the first answer (<code>Idempotent-Replayed: true</code>); another body is 422; concurrent requests with one key make one record. Keys are kept a day.</li>
<li>Each key may make 600 requests a minute; over that, 429 with <code>Retry-After</code>.</li>
</ul>
<h2 id="problems">Errors</h2><p>Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, and <code>errors</code> (field, message) for invalid input or <code>required_scope</code> for a missing scope. <code>title</code>, <code>detail</code> and the field messages are in the language of <code>Accept-Language</code> (English or Spanish; English otherwise), named by <code>Content-Language</code>; <code>type</code>, <code>status</code> and field names never change with it.</p><ul>${problems}</ul>
<h2>Endpoints</h2>${operations.join("\n")}
<h2>Schemas</h2>${schemas}
</main></body></html>`;
  return cached;
}
