import Link from "next/link";
import { primaryButton, secondaryButton } from "./styles";

/** What to do meanwhile: signed-in people go to their profile, visitors are invited to join. */
export function NextStepLinks({ user, returnTo }: { user: { handle: string } | null; returnTo: string }) {
  if (user) {
    return (
      <Link href={`/profile/${user.handle}`} className={primaryButton}>
        Go to your profile
      </Link>
    );
  }
  return (
    <>
      <Link href="/connect/signup" className={primaryButton}>
        Join Kontact
      </Link>
      <Link href={`/connect/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className={secondaryButton}>
        Sign in
      </Link>
    </>
  );
}
