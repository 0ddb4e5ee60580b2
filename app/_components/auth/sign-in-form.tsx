"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "../ui/alert";
import { TextField } from "../ui/field";
import { PasswordForm } from "./password-form";

export function SignInForm({ callbackUrl, isNewAccount, defaultEmail }: { callbackUrl: string; isNewAccount: boolean; defaultEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Bitte geben Sie E-Mail-Adresse und Passwort ein.");
      return;
    }
    setIsPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError("E-Mail-Adresse oder Passwort ist nicht richtig – oder der Zugang ist deaktiviert.");
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es gleich noch einmal.");
    } finally {
      setIsPending(false);
    }
  }

  return (
    <PasswordForm onSubmit={onSubmit} submitLabel="Anmelden" pendingLabel="Anmeldung läuft …" isPending={isPending}>
      {isNewAccount && <Alert tone="success">Ihr Zugang ist eingerichtet. Bitte melden Sie sich jetzt an.</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <TextField label="E-Mail-Adresse" name="email" type="email" autoComplete="username" required defaultValue={defaultEmail} />
      <TextField label="Passwort" name="password" type="password" autoComplete="current-password" required />
    </PasswordForm>
  );
}
