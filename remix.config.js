/** @type {import('@remix-run/dev').AppConfig} */
module.exports = {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "cjs",
  // Server code imports these ESM-only packages; bundle them so the CJS server build can load them.
  serverDependenciesToBundle: [/^reactflow/, /^@reactflow/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
