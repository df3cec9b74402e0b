import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import "./globals.css";

const inter = localFont({
  src: "./fonts/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});

export const metadata: Metadata = {
  title: { default: "Kontact", template: "%s · Kontact" },
  description:
    "Kontact connects visual artists with galleries, curators, venues and residencies: find people, opportunities and shared workspaces.",
  applicationName: "Kontact",
};

export const viewport: Viewport = {
  themeColor: "#faf9f7",
};

/**
 * The document only: each section's layout adds the header for its visitor (app/_components/page-shell.tsx).
 * Every page is rendered per request, so Next.js can put this request's CSP nonce (proxy.ts) on its scripts.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="flex min-h-dvh flex-col font-sans">
        {/* Without JavaScript, streamed content stays in hidden holders: show it and hide the loading placeholders.
            In Tailwind's first layer: an !important rule there beats preflight's [hidden] rule in the later base layer. */}
        <noscript>
          <style>{'@layer theme{div[hidden][id^="S:"]{display:block!important}[data-loading-view]{display:none!important}}'}</style>
        </noscript>
        <a
          href="#main"
          className="sr-only rounded-full bg-ink px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
