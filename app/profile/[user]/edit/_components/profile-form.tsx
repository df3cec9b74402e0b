"use client";

import { useActionState, useEffect, useRef } from "react";
import { FieldErrors, FormAlert, TextField } from "@/app/_components/form-field";
import type { Profile } from "@/lib/services/professional_profile";
import { saveProfile } from "../actions";
import { CheckboxField, SaveButton, SavedMessage, TextAreaField } from "./fields";
import { LinksField } from "./links-field";
import { focusFirstInvalid } from "@/app/_lib/focus";

export type EditableProfile = Pick<
  Profile,
  "displayName" | "headline" | "bio" | "skills" | "tags" | "region" | "links" | "openToCollaboration" | "visibility" | "kind"
>;

const visibilities = [
  { value: "public", label: "Public", description: "Anyone with the link, search engines and link previews included." },
  { value: "members", label: "Members only", description: "Only people signed in to Kontact. No link previews." },
  { value: "hidden", label: "Hidden", description: "Only you. You do not appear in search or suggestions." },
] as const;

const kinds = [
  { value: "creator", label: "Creator", description: "You make visual work." },
  { value: "diffuser", label: "Diffuser", description: "You show and support artists: a gallery, curator, venue or residency." },
] as const;

type Choice = { value: string; label: string; description: string };

/** Radio cards in a fieldset; the description of each option is read with it. */
function RadioCards({ name, legend, choices, current, errors }: { name: string; legend: string; choices: readonly Choice[]; current: string; errors?: string[] }) {
  const invalid = Boolean(errors?.length);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className={`mt-2 grid gap-3 ${choices.length > 2 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={
              "flex cursor-pointer items-start gap-3 rounded-xl border bg-surface p-4 transition-colors hover:border-ink " +
              "has-checked:border-accent has-checked:bg-accent-soft " +
              (invalid ? "border-danger" : "border-field")
            }
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              defaultChecked={current === choice.value}
              aria-describedby={`${name}-${choice.value}-description${invalid ? ` ${name}-error` : ""}`}
              className="mt-1 size-4 shrink-0 accent-accent"
            />
            <span>
              <span className="block text-sm font-medium text-ink">{choice.label}</span>
              <span id={`${name}-${choice.value}-description`} className="mt-1 block text-sm leading-snug text-muted">
                {choice.description}
              </span>
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id={name} errors={errors} />
    </fieldset>
  );
}

const legendClass = "mb-5 text-xs font-semibold tracking-widest text-muted uppercase";

export function ProfileForm({ profile, maxLinks }: { profile: EditableProfile; maxLinks: number }) {
  const [state, action, pending] = useActionState(saveProfile, null);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values;
  // After a refused save the form shows what was typed; after a good one, what was saved.
  const v = (name: string, saved: string) => values?.[name] ?? saved;

  useEffect(() => {
    if (!state || state.ok) return;
    focusFirstInvalid(formRef.current, alertRef.current);
  }, [state]);

  return (
    <form ref={formRef} action={action} noValidate className="space-y-12">
      <FormAlert message={failed ? `Nothing was saved. ${failed.message}` : null} alertRef={alertRef} />

      <fieldset className="space-y-6">
        <legend className={legendClass}>Introduce yourself</legend>
        <TextField id="displayName" name="displayName" label="Display name" defaultValue={v("displayName", profile.displayName)}
          maxLength={80} required autoComplete="name" errors={errors.displayName} />
        <TextField id="headline" name="headline" label="Headline" defaultValue={v("headline", profile.headline)} maxLength={140}
          hint="One line under your name, e.g. “Painter of northern light, working in oil and wax”." errors={errors.headline} />
        <TextAreaField id="bio" name="bio" label="Bio" defaultValue={v("bio", profile.bio)} maxLength={4000} rows={7}
          hint="Plain text, up to 4000 characters. Line breaks are kept." errors={errors.bio} />
        <TextField id="region" name="region" label="Region" defaultValue={v("region", profile.region)} maxLength={80}
          hint="Where you work, e.g. Lyon, France." autoComplete="address-level2" errors={errors.region} />
        <RadioCards name="kind" legend="I am on Kontact as" choices={kinds} current={v("kind", profile.kind)} errors={errors.kind} />
      </fieldset>

      <fieldset className="space-y-6">
        <legend className={legendClass}>What you do</legend>
        <TextField id="skills" name="skills" label="Skills" defaultValue={v("skills", profile.skills.join(", "))}
          hint="Separated by commas, up to 30: oil painting, printmaking, curation." errors={errors.skills} />
        <TextField id="tags" name="tags" label="Tags" defaultValue={v("tags", profile.tags.join(", "))}
          hint="Separated by commas, up to 20: themes and movements people search for, e.g. landscape, abstract." errors={errors.tags} />
        <CheckboxField id="openToCollaboration" name="openToCollaboration" label="Open to collaboration"
          defaultChecked={values ? values.openToCollaboration === "on" : profile.openToCollaboration}
          description="Shows a badge on your profile so artists and organisers know they can reach out." errors={errors.openToCollaboration} />
      </fieldset>

      {/* Keyed by the saved links, so a successful save shows them as stored (blank rows dropped). */}
      <LinksField key={JSON.stringify(profile.links)} links={profile.links} max={maxLinks} values={values} errors={errors} />

      <RadioCards name="visibility" legend="Who can see your profile" choices={visibilities} current={v("visibility", profile.visibility)}
        errors={errors.visibility} />

      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <SaveButton pending={pending} pendingLabel="Saving…">
          Save profile
        </SaveButton>
        <SavedMessage message={state?.ok ? state.message : null} />
      </div>
    </form>
  );
}
