import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { textLink } from "@/app/_components/styles";
import { getCurrentUser } from "@/lib/auth";
import { createOpportunityAction } from "../actions";
import { EMPTY_POSTING, OpportunityForm } from "../_components/opportunity-form";

export const metadata: Metadata = { title: "Post an opportunity" };
export const dynamic = "force-dynamic";

export default async function NewOpportunityPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/connect/signin?callbackUrl=%2Fconnect%2Fopportunities%2Fnew");
  return (
    <div className="max-w-3xl space-y-8">
      <p className="text-sm">
        <Link href="/connect/opportunities" className={textLink}>
          ← All opportunities
        </Link>
      </p>
      <div>
        <h2 className="text-2xl font-semibold tracking-tight text-ink">Post an opportunity</h2>
        <p className="mt-2 max-w-prose text-base text-muted">
          Artists trust calls that say what they pay and what they cost. The fields below are shown on your posting as they are.
        </p>
      </div>
      <OpportunityForm action={createOpportunityAction} defaults={EMPTY_POSTING} submitLabel="Post opportunity" withBrief />
    </div>
  );
}
