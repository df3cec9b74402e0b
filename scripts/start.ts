import path from "node:path";
import { prepareDatabase, startLocalRealtime, withLocalSecrets } from "./lib/prepare";
import { startService, superviseUntilExit } from "./lib/processes";

// `npm start`: serve the production build (after `npm run build`) with the local room server.
// Demo data is seeded only into the embedded database, never into a configured server.
const env = withLocalSecrets({ ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
Object.assign(process.env, env);
const port = env.PORT || "3000";
env.NEXTAUTH_URL ||= `http://localhost:${port}`;
// The room server posts each ended session's archive back to the app at APP_URL.
env.APP_URL ||= `http://localhost:${port}`;

const seed = env.KONTACT_SEED === "always" || (!env.DATABASE_URL && env.KONTACT_SEED !== "never");
await prepareDatabase({ seed });
const rooms = await startLocalRealtime(env);
// Idle keep-alive connections stay open 65 s instead of Node's 5: a client (or a load balancer,
// whose idle timeout is commonly 60 s) reusing a connection just as the server closes it gets a
// reset, which an e2e API call once did after a few idle seconds.
const KEEP_ALIVE_MS = "65000";
const next = startService("next", path.join("node_modules", ".bin", "next"), ["start", "--port", port, "--keepAliveTimeout", KEEP_ALIVE_MS], env);
console.log(`Kontact (production build): http://localhost:${port}. Ctrl-C stops everything.`);
superviseUntilExit([next.stop, ...(rooms ? [rooms.stop] : [])], [next]);
