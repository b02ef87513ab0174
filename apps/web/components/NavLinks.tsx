"use client";
// The one client component in the frame: it marks the current section and carries the global filters
// (date range, outlets) from page to page, which a server layout cannot see.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const SECTIONS = [
  { href: "/", label: "Overview" },
  { href: "/stories", label: "Stories" },
  { href: "/events", label: "Events" },
  { href: "/outlets", label: "Outlets" },
  { href: "/people", label: "People" },
  { href: "/quotes", label: "Quotes" },
  { href: "/ingest", label: "Ingest runs" },
];
const CARRIED = ["from", "to", "outlet"];

export function NavLinks() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const carried = new URLSearchParams();
  for (const key of CARRIED) for (const value of searchParams.getAll(key)) carried.append(key, value);
  const suffix = carried.size ? `?${carried}` : "";
  return (
    <ul className="nav">
      {SECTIONS.map((section) => {
        const current = section.href === "/" ? pathname === "/" : pathname.startsWith(section.href);
        return (
          <li key={section.href}>
            <Link href={`${section.href}${suffix}`} aria-current={current ? "page" : undefined} prefetch={false}>
              {section.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
