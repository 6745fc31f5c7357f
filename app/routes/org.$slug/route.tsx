import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/form";
import { decide } from "~/domain/auth/permissions";
import { isRole, ROLE_LABEL_KEYS } from "~/domain/auth/roles";
import { isPipelineStage, PIPELINE_STAGE_KEYS } from "~/domain/candidates/pipeline";
import { listMembers, listReferralStatuses, setMemberStatus } from "~/models/organisation.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import type { RouteHandle } from "~/utils/route-handle";
import { MemberStatusSchema } from "./schema";

export const handle: RouteHandle = {
  title: (_t, data) => (data as { organisation?: { name: string } } | undefined)?.organisation?.name,
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "organisation.view");
  const [members, referrals] = await Promise.all([
    listMembers(organisation.id),
    organisation.kind === "ngo" ? listReferralStatuses(organisation.id) : [],
  ]);
  return {
    organisation,
    canManage: decide(user, "organisation.manage_staff", organisation.id).allowed,
    selfUserId: user.userId,
    members,
    referrals,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "organisation.manage_staff");
  const submission = parseWithZod(await request.formData(), { schema: MemberStatusSchema });
  if (submission.status !== "success") return data({ error: "org:members.invalid" }, { status: 400 });
  const result = await setMemberStatus({
    organisationId: organisation.id,
    membershipId: submission.value.membershipId,
    actorUserId: user.userId,
    status: submission.value.intent === "disable" ? "disabled" : "active",
  });
  if (result.status === "not_found") return data({ error: "org:members.not_found" }, { status: 404 });
  if (result.status === "self") return data({ error: "org:members.not_self" }, { status: 400 });
  return { error: null };
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { organisation, canManage, selfUserId, members, referrals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{organisation.name}</h1>
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}

      <section aria-labelledby="members-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold">
          {t("org:members.title")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-start text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 text-start">{t("org:members.name")}</th>
                <th scope="col" className="py-2 text-start">{t("org:members.role")}</th>
                <th scope="col" className="py-2 text-start">{t("org:members.status")}</th>
                {canManage ? <th scope="col" className="py-2 text-start">{t("org:members.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id} className="border-b border-slate-100">
                  <td className="py-2">
                    {member.user.displayName}
                    <div className="text-slate-700">{member.user.email}</div>
                  </td>
                  <td className="py-2">{isRole(member.role) ? t(ROLE_LABEL_KEYS[member.role]) : member.role}</td>
                  <td className="py-2">
                    {member.user.status === "active" ? t("org:members.active") : t("org:members.disabled")}
                  </td>
                  {canManage ? (
                    <td className="py-2">
                      {member.user.id !== selfUserId ? (
                        <Form method="post">
                          <input type="hidden" name="membershipId" value={member.id} />
                          <button
                            type="submit"
                            name="intent"
                            value={member.user.status === "active" ? "disable" : "enable"}
                            className="rounded border border-slate-400 px-2 py-1"
                          >
                            {member.user.status === "active" ? t("org:members.disable") : t("org:members.enable")}
                            <span className="sr-only">: {member.user.displayName}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {organisation.kind === "ngo" ? (
        <section aria-labelledby="referrals-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="referrals-heading" className="mb-3 text-lg font-semibold">
            {t("org:referrals.title")}
          </h2>
          {referrals.length === 0 ? (
            <p>{t("org:referrals.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {referrals.map((referral) => (
                <li key={referral.id} className="flex justify-between gap-3 py-2">
                  <span>{referral.latinName}</span>
                  <span className="text-slate-700">
                    {isPipelineStage(referral.stage) ? t(PIPELINE_STAGE_KEYS[referral.stage]) : referral.stage}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
