import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Native or Node-only packages: loaded with require at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp", "ioredis"],
  // The profile editor's upload forms post images (at most 10 MB, plus multipart framing) to server actions.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
