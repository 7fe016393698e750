// The field where someone chooses a password (sign-up, accepting an invitation): the limits come from the
// password schema; the guessability check runs on the server and its message shows under the field. The hint
// comes from the form, in the page's language (auth.signUp.passwordHint).
import type { FieldProblem } from "@/components/field-error";
import { TextField } from "@/components/ui/field";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/schemas/auth";

export function NewPasswordField({ id, label, hint, problem }: { id: string; label: string; hint: string; problem: FieldProblem | null }) {
  return (
    <TextField
      id={id}
      name="password"
      label={label}
      hint={hint}
      problem={problem}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
    />
  );
}
