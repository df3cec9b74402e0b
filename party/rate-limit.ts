/**
 * A token bucket: `perSecond` sustained, `burst` on top. `take()` answers whether the message
 * may pass and, for a refused one, whether it is the first of a streak (the sender is told once).
 */
export class TokenBucket {
  readonly perSecond: number;
  readonly #burst: number;
  #tokens: number;
  #updatedAt = Date.now();
  #warned = false;

  constructor(perSecond: number, burst: number) {
    this.perSecond = perSecond;
    this.#burst = burst;
    this.#tokens = burst;
  }

  take(now = Date.now()): "ok" | "refused" | "refused-first" {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#updatedAt) / 1000) * this.perSecond);
    this.#updatedAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      this.#warned = false;
      return "ok";
    }
    if (this.#warned) return "refused";
    this.#warned = true;
    return "refused-first";
  }
}
