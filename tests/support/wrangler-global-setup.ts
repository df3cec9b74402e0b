import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startRoomServer } from "../../scripts/lib/room-server";

/** Starts one room server for the "room" test project and stops it at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const secret = randomBytes(32).toString("base64url");
  const server = await startRoomServer({ secret });
  project.provide("roomHttpUrl", server.httpUrl);
  project.provide("roomWsUrl", server.url);
  project.provide("roomSecret", secret);
  return () => server.stop();
}
