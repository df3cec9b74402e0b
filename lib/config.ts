import path from "node:path";
import { MAX_EDITORS } from "./realtime/protocol";

/** Frozen product configuration. Changing these is a product decision, not an env setting. */
export const COLLAB_CANVAS_MAX_USERS = MAX_EDITORS; // 6; the room server reads the same constant

/** Room tokens live this long: enough to open the socket, short enough to be useless if leaked. */
export const ROOM_TOKEN_TTL_SECONDS = 120;

/** Where uploads go: `/app/media/` in a deployment, a git-ignored `media/` folder locally. */
export const MEDIA_ROOT = path.resolve(/*turbopackIgnore: true*/ process.env.MEDIA_ROOT ?? path.join(process.cwd(), "media"));

/** Local state (embedded database, generated secrets) for zero-configuration runs. */
export const LOCAL_DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.env.KONTACT_DATA_DIR ?? path.join(process.cwd(), ".data"));

export const config = Object.freeze({
  COLLAB_CANVAS_MAX_USERS,
  ROOM_TOKEN_TTL_SECONDS,
  MEDIA_ROOT,
  LOCAL_DATA_DIR,
});
