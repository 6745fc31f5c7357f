import type { AppLoadContext } from "@remix-run/node";
import { action as loginAction } from "~/routes/login/route";
import { DEMO_PASSWORD } from "../../prisma/seed";

export const BASE_URL = "http://localhost:3000";

/** What the Node server would pass to loaders and actions. */
export function loadContext(clientAddress = "127.0.0.1"): AppLoadContext {
  return { cspNonce: "test-nonce", clientAddress };
}

export function formRequest(path: string, fields: Record<string, string>, init: { cookie?: string } = {}): Request {
  return new Request(new URL(path, BASE_URL), {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(init.cookie ? { Cookie: init.cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

export function getRequest(path: string, init: { cookie?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(new URL(path, BASE_URL), {
    headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers },
  });
}

/** The cookie pairs a response sets, ready to send back as a Cookie header. */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Runs a loader/action and returns the Response it threw or returned (redirects, 403s). */
export async function settle(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

/** Signs in through the real login action; returns its redirect (or its error data). */
export async function signIn(email: string, password = DEMO_PASSWORD, clientAddress = "127.0.0.1") {
  return settle(() => loginAction({ request: formRequest("/login", { email, password }), params: {}, context: loadContext(clientAddress) }));
}

export type RouteArgs = { request: Request; params: Record<string, string>; context: AppLoadContext };

/** Runs a loader or action as Remix would (with the server's load context), settling what it throws. */
export function runRoute(fn: (args: RouteArgs) => Promise<unknown> | unknown, request: Request, params: Record<string, string> = {}) {
  return settle(async () => fn({ request, params, context: loadContext() }));
}

const sessionCookies = new Map<string, string>();
/** A signed-in session's cookie for a demo account, signed in once per test file. */
export async function cookieFor(email: string): Promise<string> {
  const known = sessionCookies.get(email);
  if (known) return known;
  const cookie = cookiesFrom((await signIn(email)) as Response);
  sessionCookies.set(email, cookie);
  return cookie;
}
