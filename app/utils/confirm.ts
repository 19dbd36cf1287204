import type { TranslationKey, TranslationParams } from "~/utils/i18n";

/*
 * The confirm=1 contract's shapes, shared by the dialog and confirmation page
 * (components/ConfirmedAction.tsx) and the server's answer to an unconfirmed
 * destructive post (http/confirm.server.ts).
 */

/** A text by its key, translated where it is shown: the dialog and the confirmation page say the same. */
export type ConfirmText = { key: TranslationKey; params?: TranslationParams };

/**
 * What a destructive intent asks before it acts: a title naming the record,
 * what will be lost, the confirming button's label and, for some, one
 * checkbox that changes what happens (discard a removed interviewer's draft).
 */
export type ConfirmSpec = {
  title: ConfirmText;
  lost: ConfirmText[];
  confirm: ConfirmText;
  option?: { name: string; label: ConfirmText };
};

/** The confirmation page's data: the question, and the fields to post again with confirm=1. */
export type Confirmation = { spec: ConfirmSpec; fields: [string, string][] };
