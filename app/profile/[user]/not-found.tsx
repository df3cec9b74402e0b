import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton } from "@/app/_components/styles";

export const metadata: Metadata = { title: "No one here by that name" };

export default function ProfileNotFound() {
  return (
    <section className="flex flex-col items-start gap-4 py-6">
      <h1 className="text-3xl font-semibold tracking-tight text-ink">No one here by that name</h1>
      <p className="max-w-prose text-base leading-relaxed text-muted">
        There is no profile at this address. Check the spelling of the handle, or look for people from Connect.
      </p>
      <Link href="/connect/people" className={`${primaryButton} mt-2`}>
        Go to People
      </Link>
    </section>
  );
}
