import { describe, expect, it } from "vitest";
import { MAX_EDITORS } from "@/lib/realtime/protocol";
import { connect, newRoom } from "./helpers";

const ROUNDS = 10;

/** `count` editors open sockets into a fresh room at the same moment; returns each outcome. */
async function race(count: number): Promise<string[]> {
  const room = newRoom();
  const clients = await Promise.all(Array.from({ length: count }, (_, i) => connect(room, `racer${i}`)));
  const outcomes = await Promise.all(
    clients.map((c) =>
      Promise.race([
        c.next("welcome").then(() => "welcomed"),
        c.closed.then(({ code, reason }) => `closed ${code} ${reason}`),
      ]),
    ),
  );
  await Promise.all(clients.map((c) => c.close()));
  return outcomes;
}

describe("the editor cap under simultaneous joins", () => {
  for (const count of [10, 20]) {
    it(`admits exactly ${MAX_EDITORS} of ${count} editors joining at once, ${ROUNDS} rounds`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const outcomes = await race(count);
        expect(outcomes.filter((o) => o === "welcomed"), `round ${round}`).toHaveLength(MAX_EDITORS);
        expect(outcomes.filter((o) => o === "closed 4429 room_full"), `round ${round}`).toHaveLength(count - MAX_EDITORS);
      }
    });
  }
});
