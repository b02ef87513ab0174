import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The API URL is read at request time (force-dynamic pages), never baked into the build.
  typedRoutes: false,
};

export default config;
