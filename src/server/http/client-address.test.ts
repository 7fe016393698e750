import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustedProxies } from "./client-address";

describe("the client address behind the sign-in and sign-up limits", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", null)).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:203.0.113.7", undefined, parseTrustedProxies(""))).toBe("203.0.113.7");
  });

  it("behind trusted proxies, is the right-most entry that is not one of them; spoofed left-most entries are ignored", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 127.0.0.1");
    // The client sent "1.2.3.4, 5.6.7.8" itself; the proxy at 10.0.0.5 appended the peer it saw, 203.0.113.9.
    expect(clientAddressOf("10.0.0.5", "1.2.3.4, 5.6.7.8, 203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(clientAddressOf("127.0.0.1", ["1.2.3.4", "203.0.113.9, 10.1.2.3"], trusted)).toBe("203.0.113.9");
    // A request straight from the internet is its socket peer, even with a forged header.
    expect(clientAddressOf("198.51.100.20", "10.0.0.1", trusted)).toBe("198.51.100.20");
  });

  it("with a hop count, trusts exactly that many proxies", () => {
    const oneProxy = parseTrustedProxies("1");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 203.0.113.9", oneProxy)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.5", undefined, oneProxy)).toBe("10.0.0.5");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.0.0.4", parseTrustedProxies("2"))).toBe("203.0.113.9");
  });

  it("understands IPv6 ranges", () => {
    expect(clientAddressOf("fd00::1", "2001:db8::7", parseTrustedProxies("fd00::/8"))).toBe("2001:db8::7");
  });

  it("refuses a malformed TRUSTED_PROXIES entry, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/"proxy.internal" is not an IP address or CIDR range/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10.0.0.0\/33/);
  });
});
