// Where a webhook may be sent. Checked when an endpoint is saved (its hostname resolved) and again at every
// delivery, where the connection uses exactly the addresses checked (guardedLookup), so a hostname that
// resolves elsewhere later (DNS rebinding) is still refused.
import { lookup as dnsLookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { serverEnv } from "@/env";
import { AppError } from "@/server/errors";
import { isPrivateAddress } from "./private-address";

export const PRIVATE_ADDRESS_REFUSAL =
  "points at a private, loopback or link-local address; an admin can allow private URLs for this organisation";

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/** The URL's scheme and (for an address written as such) its address; throws a sentence naming the problem. */
export function assertWebhookUrlShape(raw: string, allowPrivate: boolean): URL {
  if (!URL.canParse(raw)) throw new AppError("BAD_REQUEST", { key: "webhook.notAUrl" });
  const url = new URL(raw);
  const production = serverEnv().NODE_ENV === "production";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !production)) {
    throw new AppError("BAD_REQUEST", { key: production ? "webhook.httpsOnly" : "webhook.httpOnly" });
  }
  if (url.username || url.password) throw new AppError("BAD_REQUEST", { key: "webhook.noCredentials" });
  if (!allowPrivate && isIP(hostOf(url)) !== 0 && isPrivateAddress(hostOf(url))) {
    throw new AppError("BAD_REQUEST", { key: "webhook.privateAddress" });
  }
  return url;
}

/** Checks the shape and resolves the hostname now, refusing it when any of its addresses is private. */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<void> {
  const url = assertWebhookUrlShape(raw, allowPrivate);
  if (allowPrivate || isIP(hostOf(url)) !== 0) return;
  const addresses = await new Promise<string[]>((resolve, reject) =>
    dnsLookup(hostOf(url), { all: true }, (error, found) => (error ? reject(error) : resolve(found.map((a) => a.address)))),
  ).catch(() => {
    throw new AppError("BAD_REQUEST", { key: "webhook.hostNotFound", values: { host: url.hostname } });
  });
  if (addresses.some(isPrivateAddress)) throw new AppError("BAD_REQUEST", { key: "webhook.privateAddress" });
}

/** A `lookup` for http.request that refuses a hostname any of whose addresses is private, unless allowed. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, "", 4);
      const refused = !allowPrivate && found.some((a) => isPrivateAddress(a.address));
      if (refused) return callback(Object.assign(new Error(`the host ${PRIVATE_ADDRESS_REFUSAL}`), { code: "EPRIVATEADDRESS" }), "", 4);
      if (options.all) return (callback as unknown as (e: null, all: typeof found) => void)(null, found);
      const first = found[0];
      if (!first) return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "", 4);
      callback(null, first.address, first.family);
    });
  };
}
