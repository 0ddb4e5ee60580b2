import { z } from "zod";
import { emailSchema } from "./common";

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Bitte geben Sie Ihr Passwort ein." }).max(200),
});

/** NIST SP 800-63B: length over composition rules; 10 characters is the floor we ask for. */
export const PASSWORD_MIN_LENGTH = 10;
export const newPasswordSchema = z
  .string({ message: "Bitte wählen Sie ein Passwort." })
  .min(PASSWORD_MIN_LENGTH, { message: `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.` })
  .max(200, { message: "Das Passwort darf höchstens 200 Zeichen lang sein." });
