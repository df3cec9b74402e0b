import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { SignOutForm } from "../_components/signout-form";

export const metadata: Metadata = { title: "Sign out" };
export const dynamic = "force-dynamic";

export default async function SignOutPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/connect");
  return (
    <>
      <header className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight text-ink">Sign out</h1>
        <p className="mt-3 text-base leading-relaxed text-muted">
          You are signed in as {user.displayName} (@{user.handle}). Sign out of Kontact on this device?
        </p>
      </header>
      <SignOutForm />
    </>
  );
}
