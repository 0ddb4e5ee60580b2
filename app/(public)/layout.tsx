import type { ReactNode } from "react";
import { PublicHeader } from "@/app/_components/shell/public-header";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="inhalt" className="mx-auto max-w-6xl px-4 py-10">
        {children}
      </main>
    </>
  );
}
