// The field where someone chooses a password (sign-up, accepting an invitation): the limits come from the
// password schema; the guessability check runs on the server and its message shows under the field.
import type { FieldProblem } from "@/components/field-error";
import { TextField } from "@/components/ui/field";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/schemas/auth";

const HINT = "At least 10 characters and hard to guess: a few unrelated words work well. No name, email or common password.";

export function NewPasswordField({ id, label, problem }: { id: string; label: string; problem: FieldProblem | null }) {
  return (
    <TextField
      id={id}
      name="password"
      label={label}
      hint={HINT}
      problem={problem}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
    />
  );
}
