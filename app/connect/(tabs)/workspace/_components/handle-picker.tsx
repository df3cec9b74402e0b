"use client";

import { useEffect, useId, useRef, useState } from "react";
import { describedBy, FieldErrors, inputClass } from "@/app/_components/form-field";

type Person = { handle: string; displayName: string; avatarUrl: string | null };

const SEARCH_DELAY_MS = 200;

/**
 * "Invite people": a combobox over the people search (ARIA 1.2 list autocomplete). Picked people
 * become removable chips submitted as hidden `invite` fields; whatever is still typed is sent
 * too (comma-separated), so the form works without JavaScript.
 */
export function HandlePicker({ viewer, defaultHandles, errors }: { viewer: string; defaultHandles: string[]; errors?: string[] }) {
  const id = "invite";
  const listboxId = useId();
  const [chosen, setChosen] = useState<string[]>(defaultHandles);
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<Person[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim().replace(/^@/, "");
    if (q.length < 1 || q.includes(",")) {
      setOptions([]);
      setSearched(false);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/profiles?q=${encodeURIComponent(q)}&limit=5`, { signal: abort.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { items?: Person[] };
        const found = (body.items ?? []).filter((p) => p.handle !== viewer);
        setOptions(found);
        setActive(found.length ? 0 : -1);
        setSearched(true);
        setOpen(true);
      } catch {
        // Aborted by the next keystroke, or offline: the typed handle still submits as is.
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, viewer]);

  function pick(person: Person) {
    setChosen((list) => (list.includes(person.handle) ? list : [...list, person.handle]));
    setQuery("");
    setOptions([]);
    setOpen(false);
    setActive(-1);
    inputRef.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const expanded = open && options.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (expanded ? (i + step + options.length) % options.length : step > 0 ? 0 : options.length - 1));
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault(); // pick, do not submit the form
      pick(options[active]!);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
    } else if (event.key === "Backspace" && query === "" && chosen.length) {
      setChosen((list) => list.slice(0, -1));
    }
  }

  const expanded = open && options.length > 0;
  const activeId = expanded && active >= 0 ? `${listboxId}-${active}` : undefined;
  const hint = `${id}-hint`;

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        Invite people
      </label>
      <p id={hint} className="mt-1 text-sm text-muted">
        Type a name or handle, then choose with the arrow keys and Enter. Several handles can also be typed with commas.
      </p>
      {chosen.length ? (
        <ul aria-label="Invited" className="mt-2 flex flex-wrap gap-2">
          {chosen.map((handle) => (
            <li key={handle} className="inline-flex items-center gap-1 rounded-full bg-accent-soft py-1 pr-1 pl-3 text-sm text-accent">
              @{handle}
              <input type="hidden" name="invite" value={handle} />
              <button
                type="button"
                onClick={() => setChosen((list) => list.filter((h) => h !== handle))}
                className="rounded-full px-2 leading-5 hover:bg-accent hover:text-white"
                aria-label={`Remove @${handle}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative mt-2">
        <input
          ref={inputRef}
          id={id}
          name="invite"
          type="text"
          role="combobox"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, true, errors)}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          placeholder="@handle or name"
          className={inputClass}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="People found"
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-lg border border-field bg-surface shadow-lg"
        >
          {options.map((person, i) => (
            <li
              key={person.handle}
              id={`${listboxId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()} // keep focus in the input
              onClick={() => pick(person)}
              onMouseEnter={() => setActive(i)}
              className="flex cursor-pointer items-center gap-3 px-3.5 py-2 text-sm text-ink aria-selected:bg-accent-soft aria-selected:outline-2 aria-selected:-outline-offset-2 aria-selected:outline-accent"
            >
              <span className="font-medium">{person.displayName}</span>
              <span className="text-muted">@{person.handle}</span>
            </li>
          ))}
        </ul>
      </div>
      <p role="status" className="sr-only">
        {open && searched ? (options.length ? `${options.length} people found.` : "No one found.") : ""}
      </p>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}
