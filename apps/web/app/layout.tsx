import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Storyline",
  description: "News coverage of the stories you follow: events, quotes, outlets over time.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a href="/" className="brand">Storyline</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
