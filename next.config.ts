import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel checkouts or test runs build side by side without sharing .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  /* config options here */
  cacheComponents: true,
  // no "X-Powered-By: Next.js" (proxy.ts sets the security headers)
  poweredByHeader: false,
  experimental: {
    // the default, stated: proxy.ts answers larger form posts with 413 before an action sees them
    serverActions: { bodySizeLimit: "1mb" },
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
