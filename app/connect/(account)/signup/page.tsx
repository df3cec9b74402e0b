import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { textLink } from "@/app/_components/styles";
import { getCurrentUser } from "@/lib/auth";
import { SignUpForm } from "../_components/signup-form";

export const metadata: Metadata = {
  title: "Join",
  description: "Create your Kontact account as an artist, or as a gallery, curator, venue or residency.",
};
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/connect");
  return (
    <>
      <header className="mb-10">
        <h1 className="text-3xl font-semibold tracking-tight text-ink">Join Kontact</h1>
        <p className="mt-3 text-base leading-relaxed text-muted">
          One account to meet artists and the places that show them, find opportunities and work together.
        </p>
      </header>
      <SignUpForm />
      <p className="mt-8 text-sm text-muted">
        Already have an account?{" "}
        <Link href="/connect/signin" className={textLink}>
          Sign in
        </Link>
      </p>
    </>
  );
}
