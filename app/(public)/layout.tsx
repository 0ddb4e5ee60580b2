import type { ReactNode } from "react";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-4 font-bold">
          <span aria-hidden="true" className="inline-block h-6 w-2 rounded-sm bg-accent-400" />
          <span>
            GDST <span className="font-normal text-brand-100">· Gemeinsam Digital für Sachsen-Anhalt</span>
          </span>
        </div>
      </header>
      <main id="inhalt" className="mx-auto max-w-6xl px-4 py-10">
        {children}
      </main>
    </>
  );
}
