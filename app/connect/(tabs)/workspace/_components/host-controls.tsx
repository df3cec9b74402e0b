"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormAlert, TextField } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import { SubmitButton } from "../../opportunities/_components/fields";
import { endWorkspaceAction, publishArtworkAction } from "../actions";

const dangerButton =
  "inline-flex items-center justify-center gap-2 rounded-full bg-danger px-5 py-2.5 text-sm font-medium text-white hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-70";

/** "End session": asks first, then closes the room for everyone (the page turns into the summary). */
export function EndSessionControl({ workspaceId }: { workspaceId: string }) {
  const [asking, setAsking] = useState(false);
  const [state, action] = useActionState(endWorkspaceAction, null);
  const failed = state && !state.ok ? state : null;
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className={secondaryButton}>
        End session…
      </button>
    );
  }
  return (
    <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="end-question" className="space-y-3 rounded-xl border border-danger/30 bg-danger-soft p-4 focus:outline-none">
      <p id="end-question" className="text-sm font-medium text-ink">
        End this session for everyone?
      </p>
      <p className="text-sm text-muted">Everyone is disconnected and the room cannot be reopened. The chat, notes and canvas are kept, and you can then publish the canvas as an artwork.</p>
      <FormAlert message={failed ? `The session is still live. ${failed.message}` : null} />
      <form action={action} className="flex flex-wrap gap-3">
        <input type="hidden" name="id" value={workspaceId} />
        <SubmitButton pendingLabel="Ending…" className={dangerButton}>
          End session now
        </SubmitButton>
        <button type="button" onClick={() => setAsking(false)} className={secondaryButton}>
          Keep going
        </button>
      </form>
    </div>
  );
}

/** After the end: the host names the canvas and publishes it to the contributors' profiles. */
export function PublishArtworkForm({ workspaceId, defaultTitle }: { workspaceId: string; defaultTitle: string }) {
  const [state, action] = useActionState(publishArtworkAction, null);
  const failed = state && !state.ok ? state : null;
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed) alertRef.current?.focus();
  }, [failed]);
  return (
    <form action={action} noValidate className="space-y-4" key={failed?.at ?? "publish"} data-testid="publish-form">
      <FormAlert message={failed ? `Nothing was published. ${failed.message}` : null} alertRef={alertRef} />
      <input type="hidden" name="id" value={workspaceId} />
      <TextField id="artwork-title" name="title" label="Title" required maxLength={200} defaultValue={failed?.values?.title ?? defaultTitle}
        hint="Shown on the profile of everyone who drew on the canvas." errors={failed?.fieldErrors.title} />
      <SubmitButton pendingLabel="Publishing…">Publish final artwork</SubmitButton>
    </form>
  );
}
