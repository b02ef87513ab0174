import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { type ReactNode, Suspense } from "react";
import { DemoBanner } from "../components/DemoBanner";
import { NavLinks } from "../components/NavLinks";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Storyline", template: "%s · Storyline" },
  description: "News coverage of the stories you follow: events, quotes, outlets over time.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#1a1b1e" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#content" className="skip-link">
          Skip to content
        </a>
        <header className="topbar">
          <Link href="/" className="brand">
            Storyline
          </Link>
          <nav aria-label="Sections">
            {/* useSearchParams needs a boundary; the fallback keeps the links for the first paint. */}
            <Suspense fallback={null}>
              <NavLinks />
            </Suspense>
          </nav>
        </header>
        <main id="content">
          <DemoBanner />
          {children}
        </main>
      </body>
    </html>
  );
}
