// tRPC for server components: the same procedures and checks as over HTTP, called in-process.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";

export const serverApi = cache(async () => createCaller(await createRequestContext()));

/**
 * For pages behind sign-in. Next renders a layout and its page at the same time, so each page sends a
 * signed-out visitor to the sign-in page itself rather than relying on the layout's check.
 */
export const signedInServerApi = cache(async () => {
  const context = await createRequestContext();
  if (!context.userId) redirect("/signin");
  return createCaller(context);
});
