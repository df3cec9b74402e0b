import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { textLink } from "@/app/_components/styles";
import { updateOpportunityAction } from "../../actions";
import { AttachmentsEditor } from "../../_components/attachments-editor";
import { OpportunityForm, type PostingDefaults } from "../../_components/opportunity-form";
import { dateInputValue } from "../../_lib/format";
import { loadOpportunity } from "../load";

export const metadata: Metadata = { title: "Edit opportunity" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function EditOpportunityPage({ params }: Props) {
  const { id } = await params;
  const found = await loadOpportunity(id);
  if (!found) notFound();
  if (!found.user) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(`/connect/opportunities/${id}/edit`)}`);
  const { opportunity: o, viewer } = found;
  if (!viewer.isOwner) notFound(); // only the owner edits; others are not told more
  const defaults: PostingDefaults = {
    title: o.title,
    kind: o.kind,
    description: o.description,
    tags: o.tags.join(", "),
    region: o.region,
    location: o.location ?? "",
    startsAt: dateInputValue(o.startsAt),
    endsAt: dateInputValue(o.endsAt),
    deadline: dateInputValue(o.deadline),
    compensationAmount: o.compensation.amount !== undefined ? String(o.compensation.amount) : "",
    compensationCurrency: o.compensation.currency ?? "EUR",
    entryFeeAmount: o.entryFee ? String(o.entryFee.amount) : "",
    entryFeeCurrency: o.entryFee?.currency ?? "EUR",
    url: o.url ?? "",
    paid: o.compensation.paid ? "on" : "",
  };
  return (
    <div className="max-w-3xl space-y-10">
      <p className="text-sm">
        <Link href={`/connect/opportunities/${o.id}`} className={textLink}>
          ← Back to the posting
        </Link>
      </p>
      <h2 className="text-2xl font-semibold tracking-tight text-ink">Edit “{o.title}”</h2>
      <OpportunityForm action={updateOpportunityAction} defaults={defaults} id={o.id} submitLabel="Save changes" />
      <AttachmentsEditor opportunityId={o.id} attachments={o.attachments} />
    </div>
  );
}
