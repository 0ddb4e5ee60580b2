import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignedInShell, signInPath } from "@/app/_components/shell/signed-in-shell";
import { getActor } from "@/server/auth/get-actor";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect(signInPath((await headers()).get("x-gdst-path") ?? "/"));
  return <SignedInShell actor={actor}>{children}</SignedInShell>;
}
