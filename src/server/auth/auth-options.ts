// next-auth configuration: email + password always; OIDC single sign-on when OIDC_* env vars are set.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret, serverEnv } from "@/env";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { verifyPasswordSignIn } from "@/server/services/auth/verify-password-sign-in";
import { linkOidcAccount } from "@/server/services/auth/link-oidc-account";
import { currentSessionVersion, endSessions, SESSION_ENDED } from "@/server/services/auth/session-version";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { parse as parseCookie } from "cookie";
import { signInWithLayLink } from "@/server/services/lay-panelists/sign-in-with-lay-link";
import { LAY_DEVICE_COOKIE } from "@/server/services/lay-panelists/_shared/lay-link-secrets";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/**
 * Cookies are Secure (and get the __Secure-/__Host- name prefixes) when the app's public URL is https.
 * On plain-http localhost (`npm start`) a browser would drop Secure cookies, so they are sent without it.
 */
export function usesSecureCookies(env: { NEXTAUTH_URL?: string } = process.env): boolean {
  return env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/**
 * Sessions end SESSION_MAX_AGE_SECONDS after sign-in, however active: next-auth refreshes the token's
 * expiry on use, so without this a tab kept open would stay signed in indefinitely.
 */
export function sessionOutlived(signedInAt: unknown, nowSeconds: number): boolean {
  return typeof signedInAt !== "number" || nowSeconds - signedInAt >= SESSION_MAX_AGE_SECONDS;
}

type CookieSpec = { name: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge?: number } };

/** Every next-auth cookie: httpOnly (no script can read it) and SameSite=Lax (not sent on cross-site posts). */
export function authCookies(secure: boolean): Record<"sessionToken" | "callbackUrl" | "csrfToken" | "pkceCodeVerifier" | "state" | "nonce", CookieSpec> {
  const prefix = secure ? "__Secure-" : "";
  // __Host- also pins a cookie to this exact host and path "/": no subdomain can set or read it.
  const hostPrefix = secure ? "__Host-" : "";
  const cookie = (name: string, maxAge?: number): CookieSpec => ({
    name,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, ...(maxAge ? { maxAge } : {}) },
  });
  return {
    sessionToken: cookie(`${hostPrefix}next-auth.session-token`),
    callbackUrl: cookie(`${prefix}next-auth.callback-url`),
    csrfToken: cookie(`${hostPrefix}next-auth.csrf-token`),
    pkceCodeVerifier: cookie(`${prefix}next-auth.pkce.code_verifier`, 15 * 60),
    state: cookie(`${prefix}next-auth.state`, 15 * 60),
    nonce: cookie(`${prefix}next-auth.nonce`),
  };
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

/** Set from the socket (and TRUSTED_PROXIES) by the app server, which overwrites any copy the client sent. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const address = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof address === "string" && address ? address : "unknown";
}

/**
 * A lay panelist (no account) signs in with their scoring link's token and the device cookie set when the
 * link was opened on this device (src/app/api/lay-link/open): the session is then like anyone's (CSRF,
 * sessionVersion, 8 hours), and src/server/access/lay-scope.ts limits it to their own interview.
 */
function layLinkProvider() {
  return CredentialsProvider({
    id: "lay-link",
    name: "Scoring link",
    credentials: { token: { label: "Link", type: "text" } },
    async authorize(credentials, req) {
      const token = typeof credentials?.token === "string" ? credentials.token.slice(0, 200) : "";
      const cookieHeader = req.headers?.cookie;
      const deviceSecret = typeof cookieHeader === "string" ? (parseCookie(cookieHeader)[LAY_DEVICE_COOKIE] ?? null) : null;
      try {
        return await signInWithLayLink(db(), { token, deviceSecret });
      } catch (error) {
        if (error instanceof AppError) throw new Error(error.message);
        throw new Error("Sign-in is unavailable right now. Try again in a minute.");
      }
    },
  });
}

function providers(): NextAuthOptions["providers"] {
  const env = serverEnv();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your email and password.");
        try {
          return await verifyPasswordSignIn(db(), { ...parsed.data, address: clientAddress(req.headers) });
        } catch (error) {
          // next-auth hands an Error's message to the sign-in form; only our own messages are safe to show.
          if (error instanceof AppError) throw new Error(error.message);
          throw new Error("Sign-in is unavailable right now. Try again in a minute.");
        }
      },
    }),
  ];
  list.push(layLinkProvider());
  if (env.oidcEnabled) {
    list.push({
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string; email_verified?: boolean }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? "User" };
      },
    });
  }
  return list;
}

export function authOptions(): NextAuthOptions {
  const secret = authSecret(); // first: in production its message is the one that matters
  const secure = usesSecureCookies(serverEnv());
  return {
    secret,
    // The JWT's exp claim and the cookie's lifetime both end after maxAge; an older token is refused.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: authCookies(secure),
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      // Ends this session and every other one of the user on the server: tokens issued before are refused.
      async signOut({ token }) {
        if (typeof token?.sub === "string") await endSessions(db(), token.sub);
      },
    },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const oidcProfile = profile as { email?: string; email_verified?: boolean; name?: string } | undefined;
        if (!oidcProfile?.email || oidcProfile.email_verified === false) return "/signin?error=OidcEmail";
        return true;
      },
      async jwt({ token, user, account, profile }) {
        const now = Math.floor(Date.now() / 1000);
        if (user) {
          token.signedInAt = now;
        } else if (sessionOutlived(token.signedInAt, now)) {
          // next-auth clears the cookie and answers "no session": an active tab can't stretch a session forever.
          throw new Error("The session has ended: sign in again.");
        }
        if (account?.provider === "oidc" && profile) {
          const oidcProfile = profile as { email: string; name?: string };
          const linked = await linkOidcAccount(db(), {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: oidcProfile.email,
            name: oidcProfile.name ?? oidcProfile.email,
          });
          token.sub = linked.userId;
        } else if (user) {
          token.sub = user.id;
        }
        if (user && token.sub) {
          token.sessionVersion = (await currentSessionVersion(db(), token.sub)) ?? 0;
        } else if (token.sub && (await currentSessionVersion(db(), token.sub)) !== (typeof token.sessionVersion === "number" ? token.sessionVersion : 0)) {
          throw new Error(SESSION_ENDED); // signed out since: next-auth answers "no session" and clears the cookie
        }
        return token;
      },
      // callbackUrl and every other redirect: this origin only (src/lib/safe-redirect.ts).
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
