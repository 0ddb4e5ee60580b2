import type { Metadata } from "next";
import { NotFoundContent } from "./_components/shell/not-found-content";

export const metadata: Metadata = { title: "Seite nicht gefunden" };

/** An address no route matches: outside the signed-in shell, so it brings its own main landmark. */
export default function NotFound() {
  return (
    <main id="inhalt" className="px-4 py-6">
      <NotFoundContent />
    </main>
  );
}
