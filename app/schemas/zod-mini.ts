import * as z from "zod/mini";

/*
 * zod/mini has no wording of its own: an issue a schema gives no message for
 * (an unknown key, a wrong type) would read "Invalid input". Role imports list
 * such issues as they are, and a tampered form field shows one by the field.
 * zod's English wording is set once here, for every schema, so a message never
 * depends on which other schemas the browser happens to have loaded.
 */
z.config(z.locales.en());

export { z };
