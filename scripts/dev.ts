import path from "node:path";
import { prepareDatabase, startLocalRealtime, withLocalSecrets } from "./lib/prepare";
import { startService, superviseUntilExit } from "./lib/processes";

// `npm run dev`: migrate, seed on first run, then Next.js and the room server in one terminal.
const env = withLocalSecrets({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
Object.assign(process.env, env);
const port = env.PORT || "3000";
env.NEXTAUTH_URL ||= `http://localhost:${port}`;
// The room server posts each ended session's archive back to the app at APP_URL.
env.APP_URL ||= `http://localhost:${port}`;

await prepareDatabase({ seed: env.KONTACT_SEED !== "never" });
const rooms = await startLocalRealtime(env);
const next = startService("next", path.join("node_modules", ".bin", "next"), ["dev", "--port", port], env);
console.log(`Kontact: http://localhost:${port}  (demo sign-in: demo@kontact.local / kontact-demo). Ctrl-C stops everything.`);
superviseUntilExit([next.stop, ...(rooms ? [rooms.stop] : [])], [next]);
