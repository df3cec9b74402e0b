import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { secondaryButton } from "@/app/_components/styles";

export default function OpportunityNotFound() {
  return (
    <EmptyState
      title="No such opportunity"
      actions={
        <Link href="/connect/opportunities" className={secondaryButton}>
          Browse opportunities
        </Link>
      }
    >
      <p>It may have been taken down by the person who posted it, or the link is mistyped.</p>
    </EmptyState>
  );
}
