import { Form } from "@remix-run/react";

/**
 * A one-button form acting on one record of a list (reopen a scorecard, revoke
 * a link, cancel an invite): the record's id travels as a hidden field, the
 * action as the button's `intent`. The accessible name says which record, since
 * every row's button reads the same.
 */
export function RecordActionButton(props: { field: string; id: number; intent: string; label: string; accessibleName: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name={props.field} value={props.id} />
      <button type="submit" name="intent" value={props.intent} className="button-secondary" aria-label={props.accessibleName}>
        {props.label}
      </button>
    </Form>
  );
}
