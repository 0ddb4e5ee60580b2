import type { Metadata } from "next";
import { NotFoundContent } from "../_components/shell/not-found-content";

export const metadata: Metadata = { title: "Seite nicht gefunden" };

/** notFound() inside the results pages: their layout already has the main landmark. */
export default function NotFound() {
  return <NotFoundContent />;
}
