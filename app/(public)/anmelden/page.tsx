import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/_components/auth/sign-in-form";
import { getActor } from "@/server/auth/get-actor";

export const metadata: Metadata = { title: "Anmelden" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; eingeladen?: string; email?: string }> }) {
  if (await getActor()) redirect("/");
  const { callbackUrl, eingeladen, email } = await searchParams;
  // only same-site paths: an open redirect would let a crafted link send people elsewhere
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") && !callbackUrl.startsWith("/\\") ? callbackUrl : "/";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Anmelden</h1>
      <p className="mt-2 text-slate-700">
        Die Plattform der Arbeitsgruppen von Gemeinsam Digital für Sachsen-Anhalt. Zugänge vergibt die Administration per Einladung.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={target} isNewAccount={eingeladen === "1"} defaultEmail={email?.slice(0, 254)} />
      </div>
    </div>
  );
}
