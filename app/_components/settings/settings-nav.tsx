import { NavLink } from "../shell/nav-link";

const links = [
  { href: "/einstellungen/benachrichtigungen", label: "Benachrichtigungen" },
  { href: "/einstellungen/kalender", label: "Kalender" },
];

const linkClass =
  "inline-flex min-h-10 items-center rounded-md px-3 py-2 text-sm font-semibold text-brand-700 underline-offset-4 hover:bg-brand-50 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 aria-[current=page]:underline";

/** Between the settings pages. */
export function SettingsNav() {
  return (
    <nav aria-label="Einstellungen" className="mb-6 border-b border-slate-200 pb-2">
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => (
          <li key={link.href}>
            <NavLink href={link.href} label={link.label} className={linkClass} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
