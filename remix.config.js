/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // The classic compiler (docs/decisions/001-classic-compiler.md).
  serverModuleFormat: "esm",
  postcss: true,
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
