/** The languages the documents behind the library are written in. */
export type DocumentLanguage = "es" | "en" | "zh";

/**
 * A text as shown to a reader: in their language when the data has it,
 * otherwise in the document's language, and then marked as such.
 */
export type ShownText = { text: string; lang: DocumentLanguage; inReaderLanguage: boolean };
