import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext, type AppLoadContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceContext } from "~/components/nonce";
import { FALLBACK_LANGUAGE, isSupportedLanguage } from "~/i18n/config";
import { i18next, i18nextOptions, languageCookie } from "~/i18n/i18next.server";
import { deliverDue } from "~/models/outbox.server";
import { currentSlatePool } from "~/models/slate-pool.server";
import { defaultMarketplace } from "~/services/marketplace.server";
import { sendInterestReminders } from "~/models/slates.server";

const ABORT_DELAY = 5_000;

/** Every translation, initialised once per process; each request renders with a clone of it. */
const translations = (() => {
  const base = createInstance();
  const ready = base.use(initReactI18next).init({ ...i18nextOptions, lng: FALLBACK_LANGUAGE });
  return { base, ready };
})();

/** `?lng=xx` is remembered in a cookie so the choice sticks on the next request. */
export async function rememberLanguage(request: Request, headers: Headers): Promise<void> {
  const lng = new URL(request.url).searchParams.get("lng");
  if (isSupportedLanguage(lng)) headers.append("Set-Cookie", await languageCookie.serialize(lng));
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
  return rememberLanguage(request, response.headers).then(() => response);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The root loader has already detected the language; detecting again would read the session again.
  const rootData = remixContext.staticHandlerContext.loaderData.root as { locale?: string } | undefined;
  const lng = isSupportedLanguage(rootData?.locale) ? rootData.locale : await i18next.getLocale(request);
  // A clone shares the loaded translations and has its own language: a fraction of a fresh init.
  await translations.ready;
  const instance = translations.base.cloneInstance({ lng });
  await rememberLanguage(request, responseHeaders);
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; messages never include request bodies.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Background work of this server instance, started by server/index.ts once it listens: the slate
 * index is built before the first employer asks for a slate, "still looking" reminders go out
 * hourly, and the outbox worker delivers placements to the marketplace every second. Lives here so
 * it shares the app bundle's module instances (the index in particular).
 */
export function startBackgroundWork(): () => void {
  const report = (what: string) => (error: unknown) => console.error(`${what} failed:`, error instanceof Error ? error.message : error);
  void currentSlatePool().catch(report("slate index build"));
  const remind = () => void sendInterestReminders().catch(report("interest reminders"));
  remind();
  const reminders = setInterval(remind, 60 * 60 * 1000);
  reminders.unref();
  // The outbox worker: every second, deliver what is due until nothing is (one pass at a time).
  let delivering = false;
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      const marketplace = await defaultMarketplace();
      while ((await deliverDue(marketplace)) > 0);
    } catch (error) {
      report("outbox delivery")(error);
    } finally {
      delivering = false;
    }
  };
  const outbox = setInterval(() => void deliver(), 1000);
  outbox.unref();
  return () => {
    clearInterval(reminders);
    clearInterval(outbox);
  };
}
