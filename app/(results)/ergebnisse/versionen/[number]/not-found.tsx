import type { Metadata } from "next";
import { NotFoundContent } from "@/app/_components/shell/not-found-content";

export const metadata: Metadata = { title: "Version nicht gefunden – Ergebnisdokument" };

/** A version number that is no published version (letters, 0, too high): said so, with the way to the list. */
export default function VersionNotFound() {
  return (
    <NotFoundContent
      heading="Version nicht gefunden"
      text="Diese Version des Ergebnisdokuments gibt es nicht. Veröffentlichte Versionen sind fortlaufend nummeriert."
      back={{ href: "/ergebnisse/versionen", label: "Alle Versionen" }}
    />
  );
}
