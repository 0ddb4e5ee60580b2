import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/_components/auth/sign-in-form";
import { firstParam } from "@/app/_lib/search-params";
import { getActor } from "@/server/auth/get-actor";

export const metadata: Metadata = { title: "Anmelden" };

type Query = Record<"callbackUrl" | "eingeladen" | "email", string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Query> }) {
  if (await getActor()) redirect("/");
  const query = await searchParams;
  const [callbackUrl, eingeladen, email] = [firstParam(query.callbackUrl), firstParam(query.eingeladen), firstParam(query.email)];
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
