import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel checkouts or test runs build side by side without sharing .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  /* config options here */
  cacheComponents: true,
  // no "X-Powered-By: Next.js" (proxy.ts sets the security headers)
  poweredByHeader: false,
  experimental: {
    // /import's dataset upload (20 MB and its mapping); proxy.ts answers every other form post over 1 MB
    // with 413 before an action sees it (lib/http/security.ts)
    serverActions: { bodySizeLimit: "21mb" },
  },
  partialPrefetching: true,
  turbopack: {
    rules: {
      "*.css": {
        loaders: ["@tailwindcss/turbopack"],
        as: "*.css",
      },
    },
  },
};

export default nextConfig;
