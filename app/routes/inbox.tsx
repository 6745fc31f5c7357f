import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice, SubmitButton } from "~/components/form";
import { SmallButton } from "~/components/page-parts";
import { CATEGORY_LABEL_KEYS, NOTIFICATION_CATEGORIES } from "~/domain/notifications/categories";
import { emailPreferences, listNotifications, markAllRead, openNotification, saveEmailPreferences } from "~/models/notifications.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("common:inbox.title");

const InboxAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("read_all") }),
  z.object({ intent: z.literal("preferences"), email: z.array(z.enum(NOTIFICATION_CATEGORIES)).default([]) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [notifications, preferences] = await Promise.all([listNotifications(user.userId), emailPreferences(user.userId)]);
  return { notifications, preferences, saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const parsed = InboxAction.safeParse({ ...Object.fromEntries(form), email: form.getAll("email") });
  if (!parsed.success) return redirect("/inbox", 303);
  const input = parsed.data;
  if (input.intent === "open") {
    const link = await openNotification(user.userId, input.id);
    // Opening marks it read (without JavaScript too), then goes where the person acts.
    return redirect(safeRedirect(link, "/inbox"), 303);
  }
  if (input.intent === "read_all") await markAllRead(user.userId);
  else await saveEmailPreferences(user.userId, new Set(input.email));
  return redirect(input.intent === "preferences" ? "/inbox?saved=1#preferences" : "/inbox", 303);
}

export default function InboxPage() {
  const { t, i18n } = useTranslation();
  const { notifications, preferences, saved } = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("common:inbox.title")}</h1>
      {notifications.length === 0 ? <p>{t("common:inbox.empty")}</p> : null}
      {notifications.some((n) => !n.readAt) ? (
        <Form method="post">
          <SmallButton value="read_all">{t("common:inbox.read_all")}</SmallButton>
        </Form>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
        {notifications.map((notification) => (
          <li key={notification.id} className="p-3">
            <Form method="post" className="flex flex-wrap items-center justify-between gap-2">
              <input type="hidden" name="id" value={notification.id} />
              <span className={notification.readAt ? "" : "font-semibold"}>
                {notification.readAt ? null : <span className="me-1 text-brand-700">{t("common:inbox.new")}</span>}
                <bdi>{notification.title}</bdi>
                <span className="ms-2 text-sm font-normal text-slate-700">{date.format(new Date(notification.createdAt))}</span>
              </span>
              <SmallButton value="open">{t("common:inbox.open")}</SmallButton>
            </Form>
          </li>
        ))}
      </ul>
      <section id="preferences" aria-labelledby="preferences-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="preferences-heading" className="mb-2 text-lg font-semibold">
          {t("common:inbox.preferences")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("common:inbox.preferences_intro")}</p>
        {saved ? <Notice>{t("common:inbox.saved")}</Notice> : null}
        <Form method="post">
          <fieldset className="mb-3">
            <legend className="font-medium">{t("common:inbox.email_for")}</legend>
            {NOTIFICATION_CATEGORIES.map((category) => (
              <label key={category} className="me-4 inline-flex items-center gap-2">
                <input type="checkbox" name="email" value={category} defaultChecked={preferences[category]} />
                {t(CATEGORY_LABEL_KEYS[category])}
              </label>
            ))}
          </fieldset>
          <SubmitButton name="intent" value="preferences">
            {t("common:inbox.save")}
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
