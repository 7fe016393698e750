// The password policy, after NIST SP 800-63B: long enough, not absurdly long (argon2 hashes every
// character), and not easy to guess. No composition rules ("one digit, one symbol"): they push people
// towards "Password1!" without making passwords stronger. Guessability is zxcvbn's estimate, which
// knows common passwords, English words, names, keyboard walks, dates and the person's own details.
import "server-only";
import { AppError } from "@/server/errors";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/passwords";

/** zxcvbn's 0–4 scale: 3 means "safely unguessable" (about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordContext = {
  /** The account's email, name and organisation: a password built from them is easy to guess. */
  email?: string;
  name?: string;
  organizationName?: string;
};

export type PasswordVerdict = { ok: true; score: number } | { ok: false; message: string };

type Estimator = { check(password: string, userInputs?: (string | number)[]): ZxcvbnResult };
type ZxcvbnResult = { score: number; feedback: { warning: string | null; suggestions: string[] } };

// The dictionaries are a few megabytes: loaded on the first password set, never at start-up, and
// never in a browser bundle (this module is server-only).
let estimator: Promise<Estimator> | undefined;
function loadEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(([core, common, english]) => {
    return new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  });
  return estimator;
}

/** The person's own details, whole and in pieces, so "ada.lovelace1" counts as guessable for Ada Lovelace. */
export function personalWords(context: PasswordContext): string[] {
  const words = new Set<string>(["panelkit"]);
  const add = (value: string | undefined) => {
    const text = value?.trim().toLowerCase();
    if (!text) return;
    words.add(text);
    const parts = text.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3);
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(""));
  };
  const [localPart, domain] = (context.email ?? "").split("@");
  add(context.email);
  add(localPart);
  add(domain?.split(".")[0]);
  add(context.name);
  add(context.organizationName);
  return [...words];
}

/** Judges a password; the message says what is wrong and, when zxcvbn has one, how to do better. */
export async function judgePassword(password: string, context: PasswordContext = {}): Promise<PasswordVerdict> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { ok: false, message: `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { ok: false, message: `Use at most ${PASSWORD_MAX_LENGTH} characters (this one has ${length}).` };
  }
  const result = (await loadEstimator()).check(password, personalWords(context));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score };
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return {
    ok: false,
    message:
      `This password is too easy to guess. ${advice ? `${advice} ` : ""}` +
      "A few unrelated words (a passphrase) are strong and easy to remember.",
  };
}

/** Throws a BAD_REQUEST about `field` (shown next to that form field) when the password is not acceptable. */
export async function assertAcceptablePassword(password: string, context: PasswordContext, field: string): Promise<void> {
  const verdict = await judgePassword(password, context);
  if (!verdict.ok) throw new AppError("BAD_REQUEST", verdict.message, field);
}
