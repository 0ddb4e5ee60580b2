import Link from "next/link";

/** The header of pages for visitors who are not signed in; `signIn` offers the way in where it is not the page itself. */
export function PublicHeader({ signIn }: { signIn?: string }) {
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4">
        <span className="flex items-center gap-2 font-bold">
          <span aria-hidden="true" className="inline-block h-6 w-2 rounded-sm bg-accent-400" />
          <span>
            GDST <span className="font-normal text-brand-100">· Gemeinsam Digital für Sachsen-Anhalt</span>
          </span>
        </span>
        {signIn && (
          <Link href={signIn} className="rounded-md px-2 py-1.5 text-sm font-semibold text-white underline hover:no-underline">
            Anmelden
          </Link>
        )}
      </div>
    </header>
  );
}
