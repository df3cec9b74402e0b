"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { FormAlert, PasswordField, TextField } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import { SubmitButton } from "./submit-button";

const TOO_MANY = "Too many attempts. Try again in a few minutes.";

/** Messages for next-auth's `error` codes (from signIn, or `?error=` on this page). */
function signInErrorMessage(code: string): string {
  switch (code) {
    case "CredentialsSignin":
      return "Email or password is incorrect.";
    case "TooManyAttempts":
      return TOO_MANY;
    case "OAuthAccountNotLinked":
      return "This email already has a Kontact account. Sign in with your email and password.";
    case "AccessDenied":
      return "Sign-in was cancelled or refused.";
    case "SessionRequired":
      return "Please sign in to continue.";
    default:
      return "We could not sign you in. Please try again.";
  }
}

type Props = {
  callbackUrl: string;
  githubEnabled: boolean;
  /** next-auth's `?error=` code when it sends people back here (a failed GitHub sign-in, say). */
  initialErrorCode: string | null;
};

export function SignInForm({ callbackUrl, githubEnabled, initialErrorCode }: Props) {
  const router = useRouter();
  const alertRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState(initialErrorCode ? signInErrorMessage(initialErrorCode) : null);
  const [fields, setFields] = useState<{ email?: string[]; password?: string[] }>({});
  // Bumped on each failure; focus then moves to the message (also on arrival with an error).
  const [attempt, setAttempt] = useState(initialErrorCode ? 1 : 0);

  useEffect(() => {
    if (attempt > 0) alertRef.current?.focus();
  }, [attempt]);

  function fail(message: string | null, fieldErrors: typeof fields = {}) {
    setFormError(message);
    setFields(fieldErrors);
    setPending(false);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");

    const missing: typeof fields = {};
    if (!email) missing.email = ["Enter your email."];
    if (!password) missing.password = ["Enter your password."];
    if (missing.email || missing.password) {
      fail("Enter your email and password to sign in.", missing);
      return;
    }

    setPending(true);
    setFormError(null);
    setFields({});
    try {
      const result = await signIn("credentials", { email, password, callbackUrl, redirect: false });
      if (result?.ok && !result.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      if (result?.status === 429) fail(TOO_MANY);
      else fail(signInErrorMessage(result?.error ?? ""));
    } catch {
      fail("We could not reach Kontact. Check your connection and try again.");
    }
  }

  return (
    <div className="space-y-8">
      <form noValidate onSubmit={onSubmit} className="space-y-5">
        <FormAlert message={formError} alertRef={alertRef} />
        <TextField id="email" name="email" type="email" label="Email" autoComplete="username" inputMode="email"
          autoCapitalize="none" spellCheck={false} maxLength={254} required errors={fields.email} />
        <PasswordField id="password" name="password" label="Password" autoComplete="current-password"
          maxLength={128} required errors={fields.password} />
        <div className="pt-2">
          <SubmitButton pending={pending} pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </div>
      </form>

      {githubEnabled ? (
        <div className="space-y-5">
          <p className="flex items-center gap-4 text-sm text-muted before:h-px before:flex-1 before:bg-line after:h-px after:flex-1 after:bg-line">
            or
          </p>
          <button type="button" onClick={() => void signIn("github", { callbackUrl })} className={`${secondaryButton} w-full`}>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-current">
              <path d="M8 0C3.58 0 0 3.58 0 8c0 3.54 2.29 6.53 5.47 7.59.4.07.55-.17.55-.38 0-.19-.01-.82-.01-1.49-2.01.37-2.53-.49-2.69-.94-.09-.23-.48-.94-.82-1.13-.28-.15-.68-.52-.01-.53.63-.01 1.08.58 1.23.82.72 1.21 1.87.87 2.33.66.07-.52.28-.87.51-1.07-1.78-.2-3.64-.89-3.64-3.95 0-.87.31-1.59.82-2.15-.08-.2-.36-1.02.08-2.12 0 0 .67-.21 2.2.82.64-.18 1.32-.27 2-.27.68 0 1.36.09 2 .27 1.53-1.04 2.2-.82 2.2-.82.44 1.1.16 1.92.08 2.12.51.56.82 1.27.82 2.15 0 3.07-1.87 3.75-3.65 3.95.29.25.54.73.54 1.48 0 1.07-.01 1.93-.01 2.2 0 .21.15.46.55.38A8.013 8.013 0 0 0 16 8c0-4.42-3.58-8-8-8Z" />
            </svg>
            Continue with GitHub
          </button>
        </div>
      ) : null}
    </div>
  );
}
