import type { Metadata } from "next";
import { NotFoundContent } from "../_components/shell/not-found-content";

export const metadata: Metadata = { title: "Seite nicht gefunden" };

/** notFound() in the status pages: their layout (signed in or public) already has the main landmark. */
export default function NotFound() {
  return <NotFoundContent />;
}
