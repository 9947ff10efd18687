import { PASSWORD_MIN_LENGTH } from "../../../src/schema/users";

/** A new password as every form asks for it (a first password, a reset, one's own change): the server's minimum checked before sending. */
export function NewPasswordField({ name, label }: { name: string; label: string }) {
  return (
    <label>
      {label}
      <input name={name} type="password" required minLength={PASSWORD_MIN_LENGTH} autocomplete="new-password" />
    </label>
  );
}
