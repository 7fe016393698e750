import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";

export const dynamic = "force-dynamic";

// Built per request so that `next build` never needs the auth secret or the database.
type RouteContext = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, context: RouteContext) => NextAuth(authOptions())(req, context);

export { handler as GET, handler as POST };
