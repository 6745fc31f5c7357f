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
