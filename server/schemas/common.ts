import { z } from "zod";

// One German error map for every schema; fields with a better message set their own.
z.config(z.locales.de());

export const idSchema = z.uuid({ message: "Die Kennung ist ungültig." });

/**
 * Text that must contain more than white space; trimmed before the length check. NUL characters
 * are dropped: PostgreSQL refuses them in text columns, and nobody sees them in a field anyway.
 * `asked` is the accusative ("einen Titel"), `named` the nominative ("Der Titel").
 */
export const requiredText = (asked: string, named: string, max: number) =>
  z
    .string({ message: `Bitte geben Sie ${asked} ein.` })
    .overwrite((value) => value.replaceAll("\0", ""))
    .trim()
    .min(1, { message: `Bitte geben Sie ${asked} ein.` })
    .max(max, { message: `${named} darf höchstens ${max.toLocaleString("de-DE")} Zeichen lang sein.` });

export const emailSchema = z
  .string({ message: "Bitte geben Sie eine E-Mail-Adresse ein." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Bitte geben Sie eine gültige E-Mail-Adresse ein." }).max(254));
