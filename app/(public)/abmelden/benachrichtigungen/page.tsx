import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { unsubscribeDigest } from "@/server/services/notifications/unsubscribe";

export const metadata: Metadata = { title: "E-Mail-Zusammenfassung abbestellt" };
export const dynamic = "force-dynamic";

/** The digest's unsubscribe link: one click, no sign-in; the secret token says whose digest it is. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const done = await unsubscribeDigest(Array.isArray(token) ? token[0] : token);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">E-Mail-Zusammenfassung</h1>
      <div className="mt-6">
        {done ? (
          <Alert tone="success">
            Sie erhalten keine Zusammenfassungen mehr per E-Mail. Ihre Benachrichtigungen sehen Sie weiterhin auf der Plattform.
          </Alert>
        ) : (
          <Alert tone="error">Dieser Abmeldelink ist ungültig. Bitte nutzen Sie den Link aus der neuesten E-Mail oder Ihre Einstellungen.</Alert>
        )}
      </div>
      <p className="mt-6 text-slate-700">
        Die Zusammenfassung können Sie jederzeit wieder einschalten unter{" "}
        <Link href="/einstellungen/benachrichtigungen" className="text-brand-700 underline">
          Einstellungen › Benachrichtigungen
        </Link>
        .
      </p>
    </div>
  );
}
