/**
 * Why a save or an action failed, when it is not one field's fault: announced at once (an alert)
 * and shown where the user acted. Renders nothing without a message.
 */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
