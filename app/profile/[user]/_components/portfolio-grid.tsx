"use client";

import { useRef, useState } from "react";
import type { Artwork } from "@/lib/services/professional_profile";
import { Lightbox } from "./lightbox";

/** Thumbnails keep their proportions (no cropping): artists choose their framing. */
export function PortfolioGrid({ artworks, artistName }: { artworks: Artwork[]; artistName: string }) {
  const [index, setIndex] = useState<number | null>(null);
  const openers = useRef<(HTMLButtonElement | null)[]>([]);

  function close() {
    const opener = index === null ? null : openers.current[index];
    setIndex(null);
    // The dialog gives focus back to what opened it; after arrow-key travel, that is the current artwork's tile.
    requestAnimationFrame(() => opener?.focus());
  }

  return (
    <>
      <ul role="list" className="columns-2 gap-3 sm:gap-5 md:columns-3">
        {artworks.map((artwork, i) => {
          const width = artwork.width ?? 1;
          const height = artwork.height ?? 1;
          return (
            <li key={artwork.id} className="mb-3 break-inside-avoid sm:mb-5">
              <button
                ref={(el) => {
                  openers.current[i] = el;
                }}
                type="button"
                aria-haspopup="dialog"
                onClick={() => setIndex(i)}
                className="group relative block w-full overflow-hidden rounded-lg bg-sunken text-left focus-visible:rounded-lg"
              >
                <img
                  src={artwork.thumbnailUrl ?? artwork.mediaUrl}
                  // With no description, alt="" lets the visible title name the button on its own.
                  alt={artwork.altText}
                  width={width}
                  height={height}
                  loading={i < 3 ? "eager" : "lazy"}
                  decoding="async"
                  className="block h-auto w-full transition-transform duration-500 ease-out group-hover:scale-[1.015]"
                />
                <span className="pointer-events-none absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/65 via-black/20 to-transparent px-3 pt-10 pb-3 text-sm font-medium text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100">
                  {artwork.title}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <Lightbox artworks={artworks} index={index} artistName={artistName} onNavigate={setIndex} onClose={close} />
    </>
  );
}
