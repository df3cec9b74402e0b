"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { FormAlert, PasswordField, TextField } from "@/app/_components/form-field";
import { textLink } from "@/app/_components/styles";
import { signUpSchema } from "@/lib/validation/accounts";
import { KindField } from "./kind-field";
import { SubmitButton } from "./submit-button";
import { focusFirstInvalid } from "@/app/_lib/focus";

type FieldErrorMap = Record<string, string[] | undefined>;
type ApiError = { error?: { code?: string; message?: string; fields?: FieldErrorMap } };

const knownFields = new Set(["email", "password", "handle", "displayName", "kind"]);
const emptyMessages: Record<string, string> = {
  email: "Enter your email.",
  password: "Choose a password.",
  displayName: "Enter the name people will see.",
  handle: "Choose a handle.",
};
const OFFLINE = "We could not reach Kontact. Check your connection and try again.";

function countLabel(n: number) {
  return n === 1 ? "1 field needs" : `${n} fields need`;
}

export function SignUpForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<FieldErrorMap>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signInFailed, setSignInFailed] = useState(false);
  // Bumped on each failed attempt so focus moves even when the errors did not change.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    focusFirstInvalid(formRef.current, alertRef.current);
  }, [attempt]);

  function fail(message: string, fieldErrors: FieldErrorMap = {}) {
    const known: FieldErrorMap = {};
    const extra: string[] = [];
    for (const [name, messages] of Object.entries(fieldErrors)) {
      if (knownFields.has(name)) known[name] = messages;
      else extra.push(...(messages ?? []));
    }
    setFields(known);
    setFormError([message, ...extra].join(" "));
    setPending(false);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSignInFailed(false);

    const raw = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signUpSchema.safeParse(raw);
    if (!parsed.success) {
      // One message per field: "Choose a handle." says more than two rule violations of "".
      const fieldErrors: FieldErrorMap = {};
      for (const [name, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
        const empty = typeof raw[name] !== "string" || String(raw[name]).trim() === "";
        fieldErrors[name] = [empty && emptyMessages[name] ? emptyMessages[name] : (messages?.[0] ?? "Check this field.")];
      }
      fail(`${countLabel(Object.keys(fieldErrors).length)} your attention.`, fieldErrors);
      return;
    }

    setPending(true);
    setFields({});
    setFormError(null);
    const input = parsed.data;

    let res: Response;
    try {
      res = await fetch("/api/v1/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(input),
      });
    } catch {
      fail(OFFLINE);
      return;
    }
    const body = (await res.json().catch(() => null)) as (ApiError & { user?: { handle?: string } }) | null;

    if (res.status === 201) {
      const handle = body?.user?.handle ?? input.handle;
      try {
        const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
        if (result?.ok && !result.error) {
          router.push(`/profile/${handle}`);
          router.refresh();
          return;
        }
      } catch {
        // Fall through: the account exists, only the automatic sign-in failed.
      }
      setSignInFailed(true);
      fail("Your account is ready, but we could not sign you in automatically.");
      return;
    }

    const apiError = body?.error;
    if (res.status === 422) {
      const errors = apiError?.fields ?? {};
      fail(`${countLabel(Math.max(1, Object.keys(errors).length))} your attention.`, errors);
    } else if (res.status === 409) {
      fail(apiError?.message ?? "That email or handle is already taken.", apiError?.fields ?? {});
    } else if (res.status === 429) {
      fail("Too many attempts. Try again in a few minutes.");
    } else {
      fail("Something went wrong on our side and your account was not created. Please try again.");
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-8">
      <FormAlert message={formError} alertRef={alertRef}>
        {signInFailed ? (
          <p className="mt-1">
            <Link href="/connect/signin" className={textLink}>
              Sign in with your new account
            </Link>
          </p>
        ) : null}
      </FormAlert>

      <fieldset className="space-y-5">
        <legend className="mb-4 text-xs font-semibold tracking-widest text-muted uppercase">Your account</legend>
        <TextField id="email" name="email" type="email" label="Email" autoComplete="email" inputMode="email"
          autoCapitalize="none" spellCheck={false} maxLength={254} required errors={fields.email} />
        <PasswordField id="password" name="password" label="Password" autoComplete="new-password"
          hint="8 to 128 characters. A few unrelated words make a strong one." maxLength={128} required errors={fields.password} />
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-4 text-xs font-semibold tracking-widest text-muted uppercase">Your profile</legend>
        <TextField id="displayName" name="displayName" label="Display name" autoComplete="name" maxLength={80}
          hint="Your name or your organisation's, as people will see it." required errors={fields.displayName} />
        <TextField id="handle" name="handle" label="Handle" autoComplete="nickname" autoCapitalize="none" spellCheck={false}
          maxLength={30} required errors={fields.handle}
          hint={<>3 to 30 characters: lowercase letters, digits, _ and -. Your profile will live at /profile/<em>handle</em>.</>} />
        <KindField errors={fields.kind} />
      </fieldset>

      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
