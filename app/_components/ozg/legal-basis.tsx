import { legalBasisParts } from "@/server/schemas/ozg-legal-basis";

/** The catalogue's legal basis with its bracketed addresses as links (http and https only). */
export function LegalBasis({ text }: { text: string }) {
  return (
    <>
      {legalBasisParts(text).map((part, index) =>
        part.kind === "text" ? (
          <span key={index}>{part.text}</span>
        ) : (
          <a key={index} href={part.href} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline">
            {part.label}
            <span className="sr-only"> (öffnet in neuem Fenster)</span>
          </a>
        ),
      )}
    </>
  );
}
