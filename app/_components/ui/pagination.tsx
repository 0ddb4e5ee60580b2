import Link from "next/link";
import { pageWindow } from "@/server/schemas/paging";

const linkClass = "inline-block min-w-10 rounded border px-3 py-1.5 text-center text-sm";
const idleClass = `${linkClass} border-slate-300 bg-white text-brand-700 hover:bg-brand-50`;

/**
 * Page links for a list in the URL's `seite=` (added to `baseUrl`'s own query, if any): first, last, the neighbours of this page, previous and next.
 * `explicitFirstPage` where the bare URL means something else than page 1 (a thread opens at the first unread post).
 */
export function Pagination({
  page,
  pageCount,
  baseUrl,
  label,
  explicitFirstPage = false,
}: {
  page: number;
  pageCount: number;
  baseUrl: string;
  label: string;
  explicitFirstPage?: boolean;
}) {
  if (pageCount <= 1) return null;
  const separator = baseUrl.includes("?") ? "&" : "?";
  const href = (number: number) => (number === 1 && !explicitFirstPage ? baseUrl : `${baseUrl}${separator}seite=${number}`);
  return (
    <nav aria-label={label} className="my-4">
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} className={idleClass} rel="prev">
              ‹ Zurück<span className="sr-only"> zur Seite {page - 1}</span>
            </Link>
          </li>
        )}
        {pageWindow(page, pageCount).map((link) =>
          link.kind === "gap" ? (
            <li key={link.key} aria-hidden="true" className="px-1 text-slate-600">
              …
            </li>
          ) : (
            <li key={link.number}>
              <Link
                href={href(link.number)}
                aria-current={link.number === page ? "page" : undefined}
                className={link.number === page ? `${linkClass} border-brand-700 bg-brand-700 text-white` : idleClass}
              >
                <span className="sr-only">Seite </span>
                {link.number}
              </Link>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} className={idleClass} rel="next">
              Weiter ›<span className="sr-only"> zur Seite {page + 1}</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
