import { TabBar } from "@/app/_components/tab-bar";

export default function ConnectTabsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div>
      <header className="mb-10 max-w-2xl">
        <h1 className="text-4xl font-semibold tracking-tight text-ink">Connect</h1>
        <p className="mt-3 text-lg leading-relaxed text-muted">
          Meet artists, galleries, curators and residencies, find your next opportunity, and make work together.
        </p>
      </header>
      <TabBar />
      <div className="pt-10">{children}</div>
    </div>
  );
}
