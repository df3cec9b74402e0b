"use client";

import { useEffect, useRef } from "react";
import type { Artwork } from "@/lib/services/professional_profile";
import { RightsList } from "./rights";

type Props = {
  artworks: Artwork[];
  /** The artwork shown, or null when closed. */
  index: number | null;
  artistName: string;
  onNavigate: (index: number) => void;
  onClose: () => void;
};

const roundButton =
  "inline-flex size-11 items-center justify-center rounded-full bg-white/10 text-white transition-colors hover:bg-white/20 " +
  "disabled:opacity-30 disabled:hover:bg-white/10 focus-visible:outline-white";

function Arrow({ direction }: { direction: "left" | "right" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-none stroke-current stroke-2">
      <path d={direction === "left" ? "M12.5 4 6.5 10l6 6" : "M7.5 4l6 6-6 6"} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * A modal <dialog>: showModal() makes the page behind it inert (focus stays inside) and Esc
 * closes it; the arrow keys move between artworks; focus returns to the thumbnail afterwards.
 */
export function Lightbox({ artworks, index, artistName, onNavigate, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const artwork = index === null ? null : artworks[index];
  const open = artwork !== null && artwork !== undefined;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      closeRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function onKeyDown(event: React.KeyboardEvent<HTMLDialogElement>) {
    if (index === null) return;
    if (event.key === "ArrowLeft" && index > 0) {
      event.preventDefault();
      onNavigate(index - 1);
    } else if (event.key === "ArrowRight" && index < artworks.length - 1) {
      event.preventDefault();
      onNavigate(index + 1);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="lightbox-title"
      onKeyDown={onKeyDown}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, not its content) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-0 h-dvh max-h-none w-screen max-w-none bg-[#121110] p-0 text-white backdrop:bg-black/80"
    >
      {artwork ? (
        <div className="flex h-full flex-col lg:flex-row">
          <div
            className="relative flex min-h-0 flex-1 items-center justify-center px-4 pt-16 pb-4 sm:px-16"
            onClick={(event) => {
              // A click on the dark area around the image closes, like a click on the backdrop.
              if (event.target === event.currentTarget) onClose();
            }}
          >
            <img
              key={artwork.id}
              src={artwork.mediaUrl}
              alt={artwork.altText || artwork.title}
              width={artwork.width ?? undefined}
              height={artwork.height ?? undefined}
              className="max-h-full w-auto max-w-full object-contain shadow-2xl"
            />
            <div className="absolute inset-x-4 bottom-4 flex justify-between sm:inset-x-4 sm:top-1/2 sm:bottom-auto sm:-translate-y-1/2">
              <button type="button" onClick={() => index !== null && onNavigate(index - 1)} disabled={index === 0} className={roundButton}>
                <Arrow direction="left" />
                <span className="sr-only">Previous artwork</span>
              </button>
              <button type="button" onClick={() => index !== null && onNavigate(index + 1)} disabled={index === artworks.length - 1} className={roundButton}>
                <Arrow direction="right" />
                <span className="sr-only">Next artwork</span>
              </button>
            </div>
          </div>

          <aside className="max-h-[40dvh] shrink-0 overflow-y-auto border-t border-white/10 bg-[#1b1a18] px-6 py-6 lg:max-h-none lg:w-80 lg:border-t-0 lg:border-l lg:pt-20">
            <p className="text-xs tracking-widest text-white/60 uppercase" aria-live="polite">
              {(index ?? 0) + 1} of {artworks.length}
            </p>
            <h2 id="lightbox-title" className="mt-2 text-xl font-semibold tracking-tight break-words">
              {artwork.title}
            </h2>
            <p className="mt-1 text-sm text-white/70">
              {artistName}
              {artwork.style ? <> · {artwork.style}</> : null}
            </p>
            {artwork.tags.length ? (
              <ul aria-label="Tags" className="mt-4 flex flex-wrap gap-1.5">
                {artwork.tags.map((tag) => (
                  <li key={tag} className="rounded-full border border-white/20 px-2.5 py-0.5 text-xs text-white/80">
                    {tag}
                  </li>
                ))}
              </ul>
            ) : null}
            <RightsList artwork={artwork} tone="dark" />
            {artwork.downloadable ? (
              <a
                href={artwork.mediaUrl}
                download
                className="mt-5 inline-flex items-center gap-2 rounded-full bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-white/90"
              >
                Download<span className="sr-only"> {artwork.title}</span>
              </a>
            ) : null}
          </aside>

          <button ref={closeRef} type="button" onClick={onClose} className={`${roundButton} absolute top-4 right-4`}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-none stroke-current stroke-2">
              <path d="M5 5l10 10M15 5 5 15" strokeLinecap="round" />
            </svg>
            <span className="sr-only">Close</span>
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
