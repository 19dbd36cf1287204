import { useState, type FormEvent } from "react";
import { CharacterCount } from "~/components/CharacterCount";

/**
 * A free-text field of the scorecard with its limit in view: it never cuts
 * what is typed or pasted (no maxlength); the count warns near the limit and
 * errs past it, and the form's own check refuses what is over, by the field.
 */
export function CountedText({
  id,
  name,
  max,
  defaultValue,
  error,
  hintId,
  multiline = false,
}: {
  id: string;
  name: string;
  max: number;
  defaultValue: string;
  error: string | undefined;
  hintId?: string;
  multiline?: boolean;
}) {
  const [length, setLength] = useState(defaultValue.length);
  // The error first: it is what to fix; then what the field asks for and its count.
  const describedBy = [error ? `${id}-error` : undefined, hintId, `${id}-count`].filter(Boolean).join(" ");
  const props = {
    id,
    name,
    defaultValue,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    onInput: (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) => setLength(event.currentTarget.value.length),
  };
  return (
    <>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      <CharacterCount id={`${id}-count`} length={length} max={max} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
