/**
 * A field's error on the proposal and history pages, already in the reader's
 * words (the server writes them). Not the forms' FieldError: that one brings
 * react-hook-form, which these pages do not use.
 */
export function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      {error}
    </p>
  );
}
