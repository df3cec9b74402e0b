import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { secondaryButton } from "@/app/_components/styles";

export default function WorkspaceNotFound() {
  return (
    <EmptyState
      title="No such session"
      actions={
        <Link href="/connect/workspace" className={secondaryButton}>
          Your sessions
        </Link>
      }
    >
      <p>Sessions are open to the people invited to them. Ask the host for an invitation, or check the link.</p>
    </EmptyState>
  );
}
