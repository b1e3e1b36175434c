/** A message above a form's buttons when saving failed for a reason that is not one field's. */
export function FormErrorSummary({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
