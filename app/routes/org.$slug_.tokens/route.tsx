import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice, SubmitButton } from "~/components/form";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("intake:tokens.title");

const TokenIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: z.string().trim().min(1, "validation:required").max(100, "validation:too_long") }),
  z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "api_token.manage");
  return { organisation, tokens: await listApiTokens(organisation.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "api_token.manage");
  const parsed = TokenIntent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "validation:required", token: null }, { status: 400 });
  if (parsed.data.intent === "create") {
    const created = await createApiToken({ organisationId: organisation.id, name: parsed.data.name, actorUserId: user.userId });
    return { error: null, token: created.token };
  }
  const revoked = await revokeApiToken({ organisationId: organisation.id, tokenId: parsed.data.tokenId, actorUserId: user.userId });
  return revoked ? { error: null, token: null } : data({ error: "intake:tokens.not_found", token: null }, { status: 404 });
}

export default function TokensPage() {
  const { t, i18n } = useTranslation();
  const { organisation, tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("intake:tokens.title")}</h1>
      <p>{organisation.kind === "employer" ? t("intake:tokens.intro_employer") : t("intake:tokens.intro")}</p>
      {result?.error ? <Notice tone="error">{t(result.error)}</Notice> : null}
      {result?.token ? (
        <section className="rounded-lg border border-brand-600 bg-brand-50 p-4">
          <label htmlFor="new-token" className="mb-1 block font-medium">
            {t("intake:tokens.shown_once")}
          </label>
          <input id="new-token" readOnly value={result.token} dir="ltr" className="w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono text-sm" />
        </section>
      ) : null}
      <Form method="post" className="flex flex-wrap items-end gap-2 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="token-name" className="mb-1 block font-medium">
            {t("intake:tokens.name")}
          </label>
          <input id="token-name" name="name" required maxLength={100} className="rounded border border-slate-400 px-3 py-2" />
        </div>
        <SubmitButton name="intent" value="create">
          {t("intake:tokens.create")}
        </SubmitButton>
      </Form>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        {tokens.length === 0 ? (
          <p>{t("intake:tokens.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{token.name}</span>{" "}
                  <span className="font-mono text-sm" dir="ltr">
                    hbr_{token.prefix}_…
                  </span>
                  <span className="block text-sm text-slate-700">
                    {t("intake:tokens.created_on", { date: date.format(new Date(token.createdAt)) })}
                    {token.lastUsedAt ? ` · ${t("intake:tokens.last_used", { date: date.format(new Date(token.lastUsedAt)) })}` : ""}
                  </span>
                </span>
                {token.revokedAt ? (
                  <span className="text-sm">{t("intake:tokens.revoked")}</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button type="submit" name="intent" value="revoke" className="rounded border border-slate-400 px-2 py-1">
                      {t("intake:tokens.revoke")}
                      <span className="sr-only">: {token.name}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
