import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLE_LABEL_KEYS, type Role } from "~/domain/auth/roles";
import { LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES } from "~/i18n/config";
import type { RootLoaderData } from "~/root";

type ShellUser = NonNullable<RootLoaderData["user"]>;

/** The links each role needs; later features add theirs here. */
function navigation(user: ShellUser): Array<{ to: string; key: string }> {
  const items = [{ to: "/dashboard", key: "common:nav.dashboard" }];
  if (user.roles.includes("candidate"))
    items.push({ to: "/profile", key: "common:nav.profile" }, { to: "/coaching", key: "common:nav.coaching" }, { to: "/certification", key: "common:nav.certification" }, { to: "/introductions", key: "common:nav.introductions" });
  if (user.roles.includes("assessor")) items.push({ to: "/assess", key: "common:nav.assess" });
  if (user.roles.includes("coach")) items.push({ to: "/coach", key: "common:nav.coach" }, { to: "/coach/profile", key: "common:nav.coach_profile" });
  if (user.roles.includes("admin")) {
    items.push(
      { to: "/admin/organisations", key: "common:nav.organisations" },
      { to: "/admin/duplicates", key: "common:nav.duplicates" },
      { to: "/admin/matching", key: "common:nav.matching" },
      { to: "/admin/badges", key: "common:nav.badges" },
      { to: "/admin/placements", key: "common:nav.placements" },
      { to: "/admin/funnel", key: "common:nav.funnel" },
      { to: "/admin/audit", key: "common:nav.audit" },
      { to: "/admin/outbox", key: "common:nav.outbox" },
    );
  }
  for (const org of user.organisations) {
    if (org.kind === "program") continue;
    items.push({ to: `/org/${org.slug}`, key: "common:nav.my_organisation" });
    if (org.kind === "ngo") items.push({ to: `/org/${org.slug}/referrals`, key: "common:nav.referrals" });
    if (org.role === "ngo_admin") items.push({ to: `/org/${org.slug}/funnel`, key: "common:nav.funnel" });
    if (org.kind === "employer") items.push({ to: `/org/${org.slug}/roles`, key: "common:nav.roles" });
    if (org.role === "ngo_admin" || org.role === "employer") items.push({ to: `/org/${org.slug}/tokens`, key: "common:nav.tokens" });
  }
  return items;
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>("root");
  const user = data?.user ?? null;
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-white focus:p-2">
        {t("common:skip_to_content")}
      </a>
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link to={user ? "/dashboard" : "/"} className="text-lg font-bold tracking-tight">
            {t("common:brand")}
          </Link>
          {user ? (
            <div className="flex items-center gap-3 text-sm">
              <span>
                {user.displayName}
                <span className="sr-only">, </span>
                <span className="ms-1 text-slate-300">
                  ({user.roles.map((role: Role) => t(ROLE_LABEL_KEYS[role])).join(", ")})
                </span>
              </span>
              <Link to="/inbox" className="rounded border border-white/60 px-2 py-1 hover:bg-white/10">
                {t("common:inbox.title")}
                {user.unread > 0 ? (
                  <span className="ms-1 rounded-full bg-white px-2 font-bold text-brand-900">
                    {user.unread}
                    <span className="sr-only"> {t("common:inbox.unread", { count: user.unread })}</span>
                  </span>
                ) : null}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="rounded border border-white/60 px-2 py-1 hover:bg-white/10">
                  {t("common:sign_out")}
                </button>
              </Form>
            </div>
          ) : (
            <Link to="/login" className="rounded border border-white/60 px-2 py-1 text-sm hover:bg-white/10">
              {t("common:sign_in")}
            </Link>
          )}
        </div>
        {user ? (
          <nav aria-label={t("common:nav.label")} className="bg-brand-700">
            <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-sm">
              {navigation(user).map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="underline-offset-4 hover:underline">
                    {t(item.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-4 text-sm">
          <LanguageSwitcher current={data?.locale ?? "en"} />
        </div>
      </footer>
    </div>
  );
}

/** Plain links (`?lng=xx`), so switching works without JavaScript; the server remembers it. */
function LanguageSwitcher({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const hrefFor = (lng: string) => {
    const params = new URLSearchParams(location.search);
    params.set("lng", lng);
    return `${location.pathname}?${params}`;
  };
  return (
    <nav aria-label={t("common:language.label")}>
      <h2 className="mb-1 font-semibold">{t("common:language.label")}</h2>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {SUPPORTED_LANGUAGES.map((lng) => (
          <li key={lng}>
            <a
              href={hrefFor(lng)}
              lang={lng}
              hrefLang={lng}
              aria-current={lng === current ? "true" : undefined}
              className={lng === current ? "font-semibold text-slate-900" : "text-brand-700 underline"}
            >
              {LANGUAGE_NATIVE_NAMES[lng]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
