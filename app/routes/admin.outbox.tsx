import { titled } from "~/utils/route-handle";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOutbox } from "~/services/email.server";
import { requirePermission } from "~/utils/auth.server";

export const handle = titled("admin:outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.view");
  return { messages: await listOutbox({ take: 50 }) };
}

/** The local outbox: every email Harbor sent (or would have sent), newest first. */
export default function AdminOutbox() {
  const { t, i18n } = useTranslation();
  const { messages } = useLoaderData<typeof loader>();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("admin:outbox.title")}</h1>
      {messages.length === 0 ? <p>{t("admin:outbox.empty")}</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{message.subject}</h2>
          <p className="text-sm text-slate-700">
            {t("admin:outbox.to")}: <span dir="ltr">{message.toAddress}</span> · {message.template} · {message.locale} · {message.status} ·{" "}
            {format.format(new Date(message.createdAt))}
          </p>
          <pre className="mt-2 whitespace-pre-wrap break-words text-sm">{message.text}</pre>
        </article>
      ))}
    </section>
  );
}
