import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { getCurrentUser } from "@/lib/auth";
import { SiteHeader } from "./_components/site-header";
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

// The header reads the session cookie on every request.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en" className={inter.variable}>
      <body className="flex min-h-dvh flex-col font-sans">
        {/* Without JavaScript, streamed content stays in hidden holders: show it and hide the loading placeholders. */}
        <noscript>
          <style>{'div[hidden][id^="S:"]{display:block!important}[data-loading-view]{display:none!important}'}</style>
        </noscript>
        <a
          href="#main"
          className="fixed top-3 left-3 z-50 -translate-y-24 rounded-full bg-ink px-4 py-2 text-sm font-medium text-white focus:translate-y-0"
        >
          Skip to content
        </a>
        <SiteHeader user={user ? { handle: user.handle, displayName: user.displayName } : null} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-6 py-12 sm:py-16">
          {children}
        </main>
        <footer className="border-t border-line">
          <div className="mx-auto w-full max-w-5xl px-6 py-6 text-sm text-muted">Kontact · the meeting place of Kreative</div>
        </footer>
      </body>
    </html>
  );
}
