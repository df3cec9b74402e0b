import { MATCHING } from "./config";
import type { EkohProvider } from "./types";

/**
 * Ekoh / Smart-Vote is an external reputation service, so it sits behind a provider that a
 * deployment (or a test) installs; without one the signal is off and carries no weight.
 */
const holder = globalThis as typeof globalThis & { __kontactEkoh?: EkohProvider | null };

export function setEkohProvider(provider: EkohProvider | null): void {
  holder.__kontactEkoh = provider;
}

export function ekohProvider(): EkohProvider | null {
  if (holder.__kontactEkoh === undefined && !MATCHING.ekohEnabledByDefault) return null;
  return holder.__kontactEkoh ?? null;
}

/** Scores from the provider; an outage costs the signal, never the suggestions. */
export async function ekohScores(provider: EkohProvider, userIds: string[]): Promise<Map<string, number>> {
  try {
    return await provider.scores(userIds);
  } catch (error) {
    console.warn(`ekoh provider ${provider.name} failed; ranking without it`, error);
    return new Map();
  }
}
