import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/app/_components/auth/accept-invitation-form";
import { Alert } from "@/app/_components/ui/alert";
import { formatShortDate } from "@/app/_lib/format";
import { roleLabels } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { findOpenInvitation } from "@/server/services/invitations/invitations";

export const metadata: Metadata = { title: "Einladung annehmen" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation({ token }).catch((error: unknown) => {
    if (error instanceof AppError || (error as Error).name === "ZodError") return null;
    throw error;
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Einladung zur GDST-Plattform</h1>
      {invitation ? (
        <>
          <p className="mt-2 text-slate-700">
            Sie wurden als <strong>{roleLabels[invitation.role]}</strong> für <strong>{invitation.organisation}</strong> eingeladen
            (E-Mail-Adresse {invitation.email}). Die Einladung gilt bis {formatShortDate(invitation.expiresAt)}.
          </p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <AcceptInvitationForm token={token} />
          </div>
        </>
      ) : (
        <div className="mt-6">
          <Alert tone="error">
            Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte wenden Sie sich an die Administration der
            Plattform.
          </Alert>
        </div>
      )}
    </div>
  );
}
