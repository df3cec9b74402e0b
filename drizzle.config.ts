import { defineConfig } from "drizzle-kit";

// Used only to generate SQL migrations (`npm run db:generate`); they are applied by db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
