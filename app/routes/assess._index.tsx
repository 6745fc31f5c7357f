import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/form";
import { i18next } from "~/i18n/i18next.server";
import { assessorQueue } from "~/models/badges.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("badges:queue.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "assessor.self");
  const locale = await i18next.getLocale(request);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const queue = await assessorQueue(user.userId, locale);
  return { queue: queue.map((r) => ({ ...r, submittedAt: date.format(r.submittedAt) })), decided: new URL(request.url).searchParams.get("decided") };
}

export default function AssessorQueue() {
  const { t } = useTranslation();
  const { queue, decided } = useLoaderData<typeof loader>();
  const mine = queue.filter((r) => r.mine);
  const shared = queue.filter((r) => !r.mine);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("badges:queue.title")}</h1>
      {decided ? <Notice>{t("badges:queue.decided")}</Notice> : null}
      <p>
        <Link to="/assess/profile" className="text-brand-700 underline">
          {t("badges:queue.profile")}
        </Link>
      </p>
      {[
        { id: "mine", title: t("badges:queue.mine"), items: mine },
        { id: "shared", title: t("badges:queue.shared"), items: shared },
      ].map((list) => (
        <section key={list.id} aria-labelledby={`${list.id}-heading`} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id={`${list.id}-heading`} className="mb-2 text-lg font-semibold">
            {list.title}
          </h2>
          {list.items.length === 0 ? <p>{t("badges:queue.empty")}</p> : null}
          <ul className="space-y-1">
            {list.items.map((item) => (
              <li key={item.id}>
                <Link to={`/assess/${item.id}`} className="text-brand-700 underline">
                  {item.badge}
                </Link>{" "}
                · {item.candidate} · {item.submittedAt}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
