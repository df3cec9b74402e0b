import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { artworkSvg } from "./art";
import type { ArtworkStyle } from "./skills";

export const ARTWORK_DIR = "artworks";
export const ARTWORK_MEDIA_TYPE = "image/webp";

export type ImageJob = { seed: number; style: ArtworkStyle; /** relative to the media root, e.g. artworks/<id>.webp */ mediaFile: string };

/** Where a seeded artwork's file goes: a server-chosen name (the artwork id), never user text. */
export const artworkMediaFile = (artworkId: string) => `${ARTWORK_DIR}/${artworkId}.webp`;

/** Renders one artwork SVG to WebP (960×720, quality 80) under mediaRoot. */
export async function renderArtwork(mediaRoot: string, job: ImageJob): Promise<void> {
  const target = path.join(mediaRoot, ...job.mediaFile.split("/"));
  const webp = await sharp(Buffer.from(artworkSvg(job.seed, job.style)))
    .webp({ quality: 80, effort: 2 })
    .toBuffer();
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, webp);
}

/**
 * Renders every job, a few at a time: sharp works off the main thread, so 2-4 in flight keeps
 * both cores busy without piling hundreds of decoded bitmaps into memory.
 */
export async function renderArtworks(
  mediaRoot: string,
  jobs: ImageJob[],
  opts: { concurrency?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 3, 4));
  let next = 0;
  let done = 0;
  let failed = false;
  async function worker() {
    while (next < jobs.length && !failed && !opts.signal?.aborted) {
      const job = jobs[next++]!;
      await renderArtwork(mediaRoot, job).catch((error: unknown) => {
        failed = true; // stop the other workers too
        throw error;
      });
      done++;
      opts.onProgress?.(done, jobs.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}
