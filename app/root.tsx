import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { useNonce } from "~/components/nonce";
import { AppShell } from "~/components/shell";
import { FALLBACK_LANGUAGE, isSupportedLanguage, textDirection } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { saveLanguagePreference } from "~/models/account.server";
import { findSessionUser } from "~/models/session.server";
import stylesheet from "~/tailwind.css";
import type { RouteHandle } from "~/utils/route-handle";
import { unreadCount } from "~/models/notifications.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([i18next.getLocale(request), findSessionUser(request)]);
  // Choosing a language while signed in also saves it, for emails and other devices.
  const chosen = new URL(request.url).searchParams.get("lng");
  if (user && isSupportedLanguage(chosen) && chosen !== user.locale) await saveLanguagePreference(user.userId, chosen);
  return {
    locale,
    user: user && {
      unread: await unreadCount(user.userId),
      displayName: user.displayName,
      roles: user.roles,
      organisations: user.organisations.map(({ slug, name, kind, role }) => ({ slug, name, kind, role })),
    },
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? FALLBACK_LANGUAGE;
  const nonce = useNonce();
  const { t } = useTranslation();
  // After a client-side navigation (e.g. signing in) the language may change without a reload.
  useChangeLanguage(locale);
  const titled = [...useMatches()].reverse().find((m) => (m.handle as RouteHandle | undefined)?.title);
  const title = titled ? (titled.handle as RouteHandle).title(t, titled.data) : undefined;
  return (
    <html lang={locale} dir={textDirection(locale)} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{title ? `${title} · ${t("common:brand")}` : t("common:brand")}</title>
        <Meta />
        <Links />
      </head>
      <body className="min-h-full bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 403 ? t("common:errors.forbidden") : status === 404 ? t("common:errors.not_found") : t("common:errors.unexpected");
  return (
    <AppShell>
      <section className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t("common:errors.title", { status })}</h1>
        <p className="mt-2">{message}</p>
        <a className="mt-4 inline-block text-brand-700 underline" href="/">
          {t("common:errors.home")}
        </a>
      </section>
    </AppShell>
  );
}
