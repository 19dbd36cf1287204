import { Form, Link, useLocation } from "@remix-run/react";
import { useId, useRef } from "react";
import type { Confirmation, ConfirmSpec, ConfirmText } from "~/utils/confirm";
import { useTranslation } from "~/utils/use-translation";

/** Shows a ConfirmText in the page's language. */
export function useConfirmText() {
  const { t } = useTranslation();
  return (text: ConfirmText) => t(text.key, text.params);
}

/**
 * A button for an action that cannot be undone (or loses something). With
 * JavaScript it opens a modal dialog saying what will be lost, Cancel first
 * in focus, Escape closing it; only its confirming button posts confirm=1.
 * Without JavaScript the button posts without it and the server answers with
 * the confirmation page.
 */
export function ConfirmedAction(props: {
  intent: string;
  fields?: Record<string, string | number>;
  label: string;
  accessibleName?: string;
  spec: ConfirmSpec;
  variant?: "secondary" | "danger";
}) {
  const text = useConfirmText();
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const buttonClass = props.variant === "danger" ? "button-danger" : "button-secondary";
  return (
    <Form method="post" className="inline-form" onSubmit={() => dialogRef.current?.close()}>
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        ref={triggerRef}
        type="submit"
        className={buttonClass}
        aria-label={props.accessibleName}
        aria-haspopup="dialog"
        onClick={(event) => {
          const dialog = dialogRef.current;
          if (!dialog || typeof dialog.showModal !== "function") return;
          event.preventDefault();
          dialog.showModal();
          // The safe choice first: Enter or Space right away cancels.
          cancelRef.current?.focus();
        }}
      >
        {props.label}
      </button>
      <dialog
        ref={dialogRef}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-lost`}
        onClose={() => triggerRef.current?.focus()}
      >
        <h2 id={`${id}-title`}>{text(props.spec.title)}</h2>
        <ul id={`${id}-lost`} className="compact">
          {props.spec.lost.map((item, index) => (
            <li key={index}>{text(item)}</li>
          ))}
        </ul>
        {props.spec.option && (
          <div className="checkbox">
            <input id={`${id}-option`} type="checkbox" name={props.spec.option.name} value="1" />
            <label htmlFor={`${id}-option`}>{text(props.spec.option.label)}</label>
          </div>
        )}
        <div className="actions">
          <button ref={cancelRef} type="button" className="button-secondary" onClick={() => dialogRef.current?.close()}>
            {t("app.confirm.cancel")}
          </button>
          <button type="submit" name="confirm" value="1" className="button-danger">
            {text(props.spec.confirm)}
          </button>
        </div>
      </dialog>
    </Form>
  );
}

/**
 * The confirmation page a browser without JavaScript gets: the question, and
 * a form posting the same fields again with confirm=1, or Cancel back to the
 * page as it was (nothing has changed).
 */
export function ConfirmationPage({ confirmation }: { confirmation: Confirmation }) {
  const text = useConfirmText();
  const { t } = useTranslation();
  const location = useLocation();
  const { spec, fields } = confirmation;
  return (
    <section aria-labelledby="confirm-title" className="confirm-page" data-testid="confirmation-page">
      <h1 id="confirm-title">{text(spec.title)}</h1>
      <p className="muted">{t("app.confirm.nothingYet")}</p>
      <ul className="compact" id="confirm-lost">
        {spec.lost.map((item, index) => (
          <li key={index}>{text(item)}</li>
        ))}
      </ul>
      <Form method="post" className="form-stack" aria-describedby="confirm-lost">
        {fields.map(([name, value], index) => (
          <input key={index} type="hidden" name={name} value={value} />
        ))}
        {spec.option && (
          <div className="checkbox">
            <input id="confirm-option" type="checkbox" name={spec.option.name} value="1" />
            <label htmlFor="confirm-option">{text(spec.option.label)}</label>
          </div>
        )}
        <div className="actions">
          <button type="submit" name="confirm" value="1" className="button-danger">
            {text(spec.confirm)}
          </button>
          <Link className="button button-secondary" to={location.pathname}>
            {t("app.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
