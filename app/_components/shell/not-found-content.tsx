import Link from "next/link";

/**
 * What a "page not found" says; the caller gives the landmark around it. Defaults to the general
 * page; a route that knows what is missing names it and the way back.
 */
export function NotFoundContent({
  heading = "Seite nicht gefunden",
  text = "Diese Seite gibt es nicht (mehr). Vielleicht wurde sie verschoben oder gelöscht, oder der Link ist unvollständig.",
  back = { href: "/", label: "Zur Startseite" },
}: {
  heading?: string;
  text?: string;
  back?: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="text-2xl font-bold">{heading}</h1>
      <p className="mt-2">{text}</p>
      <p className="mt-4">
        <Link href={back.href} className="font-semibold text-brand-700 underline">
          {back.label}
        </Link>
      </p>
    </div>
  );
}
