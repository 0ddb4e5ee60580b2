"use client";
import type { FormEvent, ReactNode } from "react";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

/**
 * A form that carries a password and is sent by script only. Submitted natively (before React has
 * hydrated it, on a slow connection) a form without a method would put every field into the URL of a
 * GET, password included: into the browser's history, proxy logs and the Referer. So its button stays
 * disabled until the script has taken over (Enter does nothing either), and it says `method="post"`.
 */
export function PasswordForm({
  onSubmit,
  submitLabel,
  pendingLabel,
  isPending,
  children,
}: {
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  submitLabel: string;
  pendingLabel: string;
  isPending: boolean;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <noscript>
        <Alert tone="warning">Dieses Formular braucht JavaScript: bitte schalten Sie es in Ihrem Browser ein.</Alert>
      </noscript>
      {children}
      <Button type="submit" disabled={!hydrated || isPending} className="w-full">
        {isPending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
