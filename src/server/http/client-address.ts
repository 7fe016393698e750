// The client's address for the sign-in and sign-up limits. Taken from the socket; X-Forwarded-For is
// believed only as far as TRUSTED_PROXIES says, since anyone can send that header with any content.
import { BlockList, isIP } from "node:net";

/** Set by the app server on every request it receives (any copy the client sent is overwritten). */
export const CLIENT_ADDRESS_HEADER = "x-panelkit-client-address";

/** How many proxies sit in front of the app (a hop count), or which addresses are proxies (a list). */
export type TrustedProxies = { hops: number } | { list: BlockList } | null;

/** Strips the IPv4-mapped prefix a dual-stack socket reports ("::ffff:10.0.0.1"). */
function plainAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/**
 * TRUSTED_PROXIES: empty for none; a whole number for that many proxies in front; or a comma-separated
 * list of addresses and CIDR ranges (e.g. "10.0.0.0/8, 127.0.0.1, fd00::/8"). Throws a message naming
 * the bad entry.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const text = spec?.trim() ?? "";
  if (!text) return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? null : { hops };
  }
  const list = new BlockList();
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address ?? "");
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== null && (!/^\d+$/.test(prefix!) || bits > maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8).`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(address!, type);
    else list.addSubnet(address!, bits, type);
  }
  return { list };
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The address to count a request against: the socket's peer unless it is a trusted proxy; then, walking
 * X-Forwarded-For from the right (each proxy appends the address it saw), the first entry that is not a
 * trusted proxy. Entries left of it were written by the client and are ignored.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  const socket = plainAddress(socketAddress ?? "") || "unknown";
  if (!trusted) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map(plainAddress)
    .filter(Boolean)
    .reverse();
  const chain = [socket, ...hops]; // nearest first
  if ("hops" in trusted) return chain[Math.min(trusted.hops, chain.length - 1)]!;
  for (const address of chain) if (!isTrusted(trusted.list, address)) return address;
  return chain[chain.length - 1]!;
}
