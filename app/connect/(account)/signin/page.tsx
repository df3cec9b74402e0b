import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/app/_components/callback-url";
import { textLink } from "@/app/_components/styles";
import { getCurrentUser, isGithubEnabled } from "@/lib/auth";
import { SignInForm } from "../_components/signin-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/connect");
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const rawError = Array.isArray(params.error) ? params.error[0] : params.error;
  // Only a short code is passed on; the message itself is chosen by the form.
  const errorCode = rawError && /^[A-Za-z]{1,40}$/.test(rawError) ? rawError : null;

  return (
    <>
      <header className="mb-10">
        <h1 className="text-3xl font-semibold tracking-tight text-ink">Sign in</h1>
        <p className="mt-3 text-base leading-relaxed text-muted">Welcome back to Kontact.</p>
      </header>
      <SignInForm callbackUrl={callbackUrl} githubEnabled={isGithubEnabled()} initialErrorCode={errorCode} />
      <p className="mt-8 text-sm text-muted">
        New to Kontact?{" "}
        <Link href="/connect/signup" className={textLink}>
          Create an account
        </Link>
      </p>
    </>
  );
}
