"use client";

import { useState } from "react";
import { FieldErrors, inputClass } from "@/app/_components/form-field";
import type { ProfileLink } from "@/lib/services/professional_profile";

type Row = { key: number; label: string; url: string };

type Props = {
  links: ProfileLink[];
  max: number;
  /** What was typed on a refused save, by field name ("links.2.url"). */
  values?: Record<string, string>;
  errors: Record<string, string[]>;
};

/**
 * Up to `max` label + address rows. One blank row is always offered (so it works without
 * JavaScript); blank rows are ignored on save. Rows are named by position: links.0.label, links.0.url…
 */
export function LinksField({ links, max, values, errors }: Props) {
  const [rows, setRows] = useState<Row[]>(() => {
    const initial = links.map((link, i) => ({ key: i, ...link }));
    return initial.length < max ? [...initial, { key: initial.length, label: "", url: "" }] : initial;
  });
  const listErrors = errors.links;

  return (
    <fieldset aria-describedby={listErrors?.length ? "links-error" : "links-hint"}>
      <legend className="text-sm font-medium text-ink">Links</legend>
      <p id="links-hint" className="mt-1 text-sm text-muted">
        Your website, shop or social profiles: up to {max}, each a full address starting with https://.
      </p>
      <ol className="mt-3 space-y-3">
        {rows.map((row, i) => {
          const labelId = `links-${i}-label`;
          const urlId = `links-${i}-url`;
          const labelErrors = errors[`links.${i}.label`];
          const urlErrors = errors[`links.${i}.url`];
          return (
            <li key={row.key} className="grid gap-2 rounded-xl border border-line bg-surface p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:items-start">
              <div>
                <label htmlFor={labelId} className="sr-only sm:not-sr-only sm:block sm:pb-1 sm:text-xs sm:text-muted">
                  Link {i + 1} label
                </label>
                <input
                  id={labelId}
                  name={`links.${i}.label`}
                  defaultValue={values?.[`links.${i}.label`] ?? row.label}
                  placeholder="Label, e.g. Website"
                  maxLength={40}
                  aria-invalid={labelErrors?.length ? true : undefined}
                  aria-describedby={labelErrors?.length ? `${labelId}-error` : undefined}
                  className={inputClass}
                />
                <FieldErrors id={labelId} errors={labelErrors} />
              </div>
              <div>
                <label htmlFor={urlId} className="sr-only sm:not-sr-only sm:block sm:pb-1 sm:text-xs sm:text-muted">
                  Link {i + 1} address
                </label>
                <input
                  id={urlId}
                  name={`links.${i}.url`}
                  type="url"
                  inputMode="url"
                  defaultValue={values?.[`links.${i}.url`] ?? row.url}
                  placeholder="https://"
                  maxLength={2000}
                  autoCapitalize="none"
                  spellCheck={false}
                  aria-invalid={urlErrors?.length ? true : undefined}
                  aria-describedby={urlErrors?.length ? `${urlId}-error` : undefined}
                  className={inputClass}
                />
                <FieldErrors id={urlId} errors={urlErrors} />
              </div>
              <button
                type="button"
                onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                className="justify-self-start rounded-md px-2 py-2.5 text-sm text-muted hover:text-danger sm:mt-5"
              >
                Remove<span className="sr-only"> link {i + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {rows.length < max ? (
        <button
          type="button"
          onClick={() => setRows((all) => [...all, { key: Math.max(-1, ...all.map((r) => r.key)) + 1, label: "", url: "" }])}
          className="mt-3 text-sm font-medium text-accent hover:text-accent-strong"
        >
          + Add a link
        </button>
      ) : null}
      <FieldErrors id="links" errors={listErrors} />
    </fieldset>
  );
}
