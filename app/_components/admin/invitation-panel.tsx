"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatShortDate } from "@/app/_lib/format";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_lib/trpc";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { roleLabels, roles } from "@/server/auth/roles";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";

function invitationStatus(invitation: { acceptedAt: string | null; revokedAt: string | null; expiresAt: string }) {
  if (invitation.acceptedAt) return "angenommen";
  if (invitation.revokedAt) return "zurückgezogen";
  if (new Date(invitation.expiresAt) < new Date()) return "abgelaufen";
  return `offen bis ${formatShortDate(invitation.expiresAt)}`;
}

type Invitations = inferRouterOutputs<AppRouter>["invitation"]["list"];

export function InvitationPanel({ initialInvitations }: { initialInvitations: Invitations }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const invitations = useQuery({ ...trpc.invitation.list.queryOptions(), initialData: initialInvitations });
  const router = useRouter();
  // the audit log below is server-rendered: refresh it together with the list
  const refresh = () => {
    router.refresh();
    return queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
  };
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: ({ token }) => {
        setLink(`${window.location.origin}/einladung/${token}`);
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const fieldErrors = create.error?.data?.fieldErrors ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setLink(null);
    create.mutate(
      { email: String(form.get("email") ?? ""), role: String(form.get("role")) as (typeof roles)[number], organisation: String(form.get("organisation") ?? "") },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <section aria-labelledby="einladungen" className="space-y-4">
      <h2 id="einladungen" className="text-xl font-semibold">
        Einladungen
      </h2>
      <form onSubmit={onSubmit} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[1fr_1fr_12rem_auto] md:items-start" noValidate>
        <TextField label="E-Mail-Adresse" name="email" type="email" required error={fieldErrors.email?.[0]} />
        <TextField label="Kommune oder Organisation" name="organisation" required error={fieldErrors.organisation?.[0]} />
        <div>
          <label htmlFor="einladung-rolle" className="mb-1 block font-medium">
            Rolle
          </label>
          <select id="einladung-rolle" name="role" defaultValue="PARTICIPANT" className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base">
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={create.isPending} className="md:mt-7">
          Einladen
        </Button>
      </form>
      {create.error && !create.error.data?.fieldErrors && <Alert tone="error">{create.error.message}</Alert>}
      {link && (
        <Alert tone="success">
          <p className="font-semibold">Einladung erstellt. Senden Sie diesen Link an die eingeladene Person (14 Tage gültig, nur einmal nutzbar):</p>
          <p className="mt-2 break-all">
            <code data-testid="invitation-link">{link}</code>
          </p>
        </Alert>
      )}
      {invitations.data && invitations.data.length > 0 && (
        <div role="region" aria-label="Einladungen (seitlich scrollbar)" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Einladungen</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">E-Mail-Adresse</th>
                <th scope="col" className="p-3">Organisation</th>
                <th scope="col" className="p-3">Rolle</th>
                <th scope="col" className="p-3">Status</th>
                <th scope="col" className="p-3"><span className="sr-only">Aktionen</span></th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => {
                const status = invitationStatus(invitation);
                return (
                  <tr key={invitation.id} className="border-t border-slate-200">
                    <td className="p-3">
                      <div className="cell-text">{invitation.email}</div>
                    </td>
                    <td className="p-3">
                      <div className="cell-text">{invitation.organisation}</div>
                    </td>
                    <td className="p-3">{roleLabels[invitation.role]}</td>
                    <td className="p-3">{status}</td>
                    <td className="p-3 text-right">
                      {status.startsWith("offen") && (
                        <Button variant="secondary" onClick={() => revoke.mutate({ invitationId: invitation.id })}>
                          Zurückziehen<span className="sr-only"> ({invitation.email})</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
