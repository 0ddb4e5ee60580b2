"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** A main navigation link marked as the current section (aria-current) on its page and the pages below it. */
export function NavLink({ href, label, className }: { href: string; label: string; className: string }) {
  const pathname = usePathname();
  const isCurrent = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={isCurrent ? "page" : undefined} className={className}>
      {label}
    </Link>
  );
}
