// Whether anyone may create an organisation here (PUBLIC_SIGNUP), and what the sign-up page and procedure
// say when not.
import { serverEnv } from "@/env";

export const INVITED_ONLY = "This Panelkit only admits invited people. Ask an admin of your organisation for an invitation.";

export function publicSignUpOpen(): boolean {
  return serverEnv().PUBLIC_SIGNUP === "on";
}
