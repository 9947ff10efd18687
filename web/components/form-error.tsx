/** Why a form's request was refused, announced to screen readers; nothing while there is no message. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
