import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const API_ROOT = path.resolve(import.meta.dirname, "../../../app/api");
const WRITE_METHODS = ["POST", "PATCH", "PUT", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** "POST /api/v1/artworks" for every write a route file under app/api exports, as the file system names it. */
export function mutatingRoutes(): string[] {
  return routeFiles(API_ROOT).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const url = `/api/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/")}`;
    return WRITE_METHODS.filter((m) => new RegExp(`export const ${m}\\b`).test(source)).map((m) => `${m} ${url}`);
  });
}
