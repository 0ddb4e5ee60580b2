import Link from "next/link";
import { can, type Actor } from "@/server/auth/policy";
import { roleLabels } from "@/server/auth/roles";
import { countUnreadNotifications } from "@/server/services/notifications/list-notifications";
import { ReportsNavLink } from "../moderation/reports-nav-link";
import { NotificationBell } from "../notifications/notification-bell";
import { HeaderSearch } from "../search/header-search";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

const navLinkClass = "block px-3 py-2 text-sm font-semibold text-white hover:bg-white/10";
const mainLinkClass = `${navLinkClass} border-b-3 border-transparent aria-[current=page]:border-accent-400 aria-[current=page]:bg-white/10`;

/** `openReports` is the queue's open count for moderation, null for everyone else. */
export async function AppHeader({ actor, openReports }: { actor: Actor; openReports: number | null }) {
  const links = [
    { href: "/", label: "Start", show: true },
    { href: "/arbeitsgruppen", label: "Arbeitsgruppen", show: can(actor, "internal.read") },
    { href: "/spotlights", label: "Spotlights", show: can(actor, "spotlight.read") },
    { href: "/impulse", label: "Impulse", show: can(actor, "impulse.read") },
    { href: "/ozg/leistungen", label: "OZG-Leistungen", show: can(actor, "ozg.read") },
    { href: "/ergebnisse", label: "Ergebnisse", show: can(actor, "results.read") },
    { href: "/verwaltung", label: "Verwaltung", show: can(actor, "user.manage") },
  ].filter((link) => link.show);
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-bold">
          <span aria-hidden="true" className="inline-block h-6 w-2 rounded-sm bg-accent-400" />
          <span>
            GDST <span className="font-normal text-brand-100">· Gemeinsam Digital für Sachsen-Anhalt</span>
          </span>
        </Link>
        {can(actor, "search.read") && <HeaderSearch />}
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <NotificationBell initialUnreadCount={await countUnreadNotifications(actor)} />
          <span>
            <span className="font-semibold">{actor.name}</span>
            <span className="text-brand-100">
              {" "}
              · {actor.organisation} · {roleLabels[actor.role]}
            </span>
          </span>
          <Link href="/einstellungen/benachrichtigungen" className="rounded-md px-2 py-1.5 font-semibold text-white underline hover:no-underline">
            Einstellungen
          </Link>
          <SignOutButton />
        </div>
      </div>
      <nav aria-label="Hauptnavigation" className="border-t border-white/15">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
          {links.map((link) => (
            <li key={link.href}>
              <NavLink href={link.href} label={link.label} className={mainLinkClass} />
            </li>
          ))}
          {openReports !== null && (
            <li>
              <ReportsNavLink initialCount={openReports} className={mainLinkClass} />
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
