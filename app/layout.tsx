import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { AccountNav } from "@/components/auth/account-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Departures", template: "%s · Departures" },
  description: "Who left which organization, when, and where they went, with every fact backed by a source.",
};

const NAV: { href: string; label: string; prefetch?: false }[] = [
  { href: "/", label: "Timeline" },
  { href: "/flows", label: "Flows" },
  { href: "/events/new", label: "Add an event" },
  { href: "/changes", label: "Changes" },
  // visiting it marks what it shows as seen: never prefetched
  { href: "/watching", label: "Watching", prefetch: false },
];

// proxy.ts sends a fresh CSP nonce with every request and Next puts it on the scripts it renders; a
// prerendered shell would carry scripts without it, which the browser refuses. So the document is
// rendered per request (docs/decisions/0042-security-headers-and-hostile-input.md).
export const instant = false;

export default async function RootLayout({ children }: LayoutProps<"/">) {
  await connection();
  return (
    <html lang="en" className="h-full antialiased">
      <body className="min-h-full flex flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight text-stone-900">
              Departures
            </Link>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} prefetch={item.prefetch} className="whitespace-nowrap text-stone-600 hover:text-stone-900 hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
            <div className="ml-auto">
              <Suspense fallback={null}>
                <AccountNav />
              </Suspense>
            </div>
          </nav>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-stone-200 py-4 text-center text-xs text-stone-500">
          Every fact links to its evidence. Dates are shown at the precision the sources give.
        </footer>
      </body>
    </html>
  );
}
