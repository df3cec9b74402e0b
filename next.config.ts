import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Native or Node-only packages: loaded with require at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp", "ioredis"],
};

export default nextConfig;
