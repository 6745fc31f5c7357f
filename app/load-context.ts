// Types Remix needs to know about this app: what the Node server hands every loader and action
// (server/index.ts → getLoadContext), and that single fetch is on.
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's network address, for rate limits only (stored as a keyed hash). */
    clientAddress: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
