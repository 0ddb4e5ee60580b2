"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { PASSWORD_MIN_LENGTH } from "@/server/schemas/auth";
import { Alert } from "../ui/alert";
import { TextField } from "../ui/field";
import { PasswordForm } from "./password-form";

export function AcceptInvitationForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mismatch, setMismatch] = useState(false);
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSuccess: (user) => router.push(`/anmelden?eingeladen=1&email=${encodeURIComponent(user.email)}`) }));
  const fieldErrors = accept.error?.data?.fieldErrors ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setMismatch(password !== String(form.get("passwordRepeat") ?? ""));
    if (password !== String(form.get("passwordRepeat") ?? "")) return;
    accept.mutate({ token, name: String(form.get("name") ?? ""), password });
  }

  return (
    <PasswordForm onSubmit={onSubmit} submitLabel="Zugang einrichten" pendingLabel="Zugang wird eingerichtet …" isPending={accept.isPending}>
      {accept.error && !accept.error.data?.fieldErrors && <Alert tone="error">{accept.error.message}</Alert>}
      <TextField label="Ihr Name" name="name" autoComplete="name" required error={fieldErrors.name?.[0]} />
      <TextField
        label="Passwort"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`Mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`}
        error={fieldErrors.password?.[0]}
      />
      <TextField
        label="Passwort wiederholen"
        name="passwordRepeat"
        type="password"
        autoComplete="new-password"
        required
        error={mismatch ? "Die beiden Passwörter stimmen nicht überein." : null}
      />
    </PasswordForm>
  );
}
