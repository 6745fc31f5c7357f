// The people the funnel counts, from the database: registered candidates (with when they reached
// each stage) and referred people who have not registered yet. No names leave this module.
import { funnel, funnelBy, FUNNEL_DIMENSIONS, type FunnelDimension, type FunnelPerson } from "~/domain/candidates/funnel";
import { isPipelineStage, type PipelineStage } from "~/domain/candidates/pipeline";
import { csvRow } from "~/domain/intake/csv-safety";
import { parseStringList } from "~/domain/profile/entries";
import { languageName } from "~/domain/profile/languages";
import { db } from "~/utils/db.server";
import { ancestorsOf, labelsFor } from "./taxonomy.server";

/** The top of the skills hierarchy above a concept (itself when it has nothing above). */
function topOf(uri: string, ancestors: Map<string, Array<{ uri: string; depth: number }>>): string {
  const chain = ancestors.get(uri) ?? [];
  return chain.length ? (chain.reduce((top, a) => (a.depth > top.depth ? a : top)).uri as string) : uri;
}

/** The area most of a person's skills fall in; ties by URI so the answer is stable. */
function primaryArea(uris: readonly string[], ancestors: Map<string, Array<{ uri: string; depth: number }>>): string | null {
  const counts = new Map<string, number>();
  for (const uri of uris) counts.set(topOf(uri, ancestors), (counts.get(topOf(uri, ancestors)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

async function funnelPeople(organisationId: string | null): Promise<FunnelPerson[]> {
  const [profiles, waiting] = await Promise.all([
    db.candidateProfile.findMany({
      where: organisationId ? { referringOrganisationId: organisationId } : {},
      select: { stage: true, userId: true, countryOfOrigin: true, referringOrganisationId: true, referralId: true, skills: { select: { conceptUri: true } }, stageEvents: { select: { stage: true, at: true } } },
    }),
    db.referral.findMany({
      where: { status: "referred", candidateUserId: null, ...(organisationId ? { organisationId } : {}) },
      select: { organisationId: true, preferredLanguage: true, countryOfOrigin: true, skills: true, createdAt: true },
    }),
  ]);
  const [users, referrals] = await Promise.all([
    db.user.findMany({ where: { id: { in: profiles.map((p) => p.userId) } }, select: { id: true, locale: true } }),
    db.referral.findMany({ where: { id: { in: profiles.map((p) => p.referralId).filter((id): id is string => !!id) } }, select: { id: true, createdAt: true } }),
  ]);
  const locale = new Map(users.map((u) => [u.id, u.locale]));
  const referredAt = new Map(referrals.map((r) => [r.id, r.createdAt.getTime()]));
  const skillSets = [...profiles.map((p) => p.skills.map((s) => s.conceptUri)), ...waiting.map((r) => parseStringList(r.skills))];
  const ancestors = await ancestorsOf(skillSets.flat());

  const fromProfiles = profiles.map((profile, i): FunnelPerson => {
    const reachedAt: FunnelPerson["reachedAt"] = {};
    for (const event of profile.stageEvents) if (isPipelineStage(event.stage)) reachedAt[event.stage] = event.at.getTime();
    const referred = profile.referralId ? referredAt.get(profile.referralId) : undefined;
    if (referred !== undefined) reachedAt.referred = referred;
    return {
      stage: isPipelineStage(profile.stage) ? profile.stage : "registered",
      reachedAt,
      groups: { ngo: profile.referringOrganisationId, language: locale.get(profile.userId) ?? null, origin: profile.countryOfOrigin, area: primaryArea(skillSets[i] ?? [], ancestors) },
    };
  });
  const fromReferrals = waiting.map((referral, i): FunnelPerson => ({
    stage: "referred" as PipelineStage,
    reachedAt: { referred: referral.createdAt.getTime() },
    groups: { ngo: referral.organisationId, language: referral.preferredLanguage, origin: referral.countryOfOrigin, area: primaryArea(skillSets[profiles.length + i] ?? [], ancestors) },
  }));
  return [...fromProfiles, ...fromReferrals];
}

/**
 * The funnel for the whole program (organisationId null) or one NGO's referrals, overall and by
 * NGO, language, country of origin and skill area, with group names in the reader's language.
 */
export async function programFunnel(organisationId: string | null, language: string) {
  const people = await funnelPeople(organisationId);
  const dimensions = Object.fromEntries(FUNNEL_DIMENSIONS.map((d) => [d, funnelBy(people, d)])) as Record<FunnelDimension, ReturnType<typeof funnelBy>>;
  const ngoIds = dimensions.ngo.map((g) => g.group).filter((id): id is string => !!id);
  const [organisations, areaLabels] = await Promise.all([
    db.organisation.findMany({ where: { id: { in: ngoIds } }, select: { id: true, name: true } }),
    labelsFor(dimensions.area.map((g) => g.group).filter((uri): uri is string => !!uri), language),
  ]);
  const ngoNames = new Map(organisations.map((o) => [o.id, o.name]));
  const regions = new Intl.DisplayNames([language], { type: "region" });
  const name: Record<FunnelDimension, (group: string) => string> = {
    ngo: (id) => ngoNames.get(id) ?? id,
    language: (code) => languageName(code, language),
    origin: (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    area: (uri) => areaLabels.get(uri)?.label ?? uri,
  };
  return {
    total: people.length,
    overall: funnel(people),
    dimensions: FUNNEL_DIMENSIONS.map((dimension) => ({ dimension, groups: dimensions[dimension].map((g) => ({ ...g, name: g.group === null ? null : name[dimension](g.group) })) })),
  };
}

export type ProgramFunnel = Awaited<ReturnType<typeof programFunnel>>;

const FUNNEL_CSV_COLUMNS = ["dimension", "group", "stage", "reached", "conversion", "median_days", "moved_on"] as const;

/** The funnel as a CSV download (formula-injection safe): the whole program first (dimension "all"), then each group. */
export function funnelCsvResponse(data: ProgramFunnel, fileName: string): Response {
  const lines = (dimension: string, group: string, stages: ProgramFunnel["overall"]) =>
    stages.map((row) => csvRow([dimension, group, row.stage, row.reached, row.conversion === null ? "" : Math.round(row.conversion * 1000) / 1000, row.medianDays ?? "", row.movedOn]));
  const rows = [...lines("all", "", data.overall), ...data.dimensions.flatMap(({ dimension, groups }) => groups.flatMap((g) => lines(dimension, g.name ?? "", g.stages)))];
  // BOM so spreadsheet programs read UTF-8 (Cyrillic, Arabic) correctly.
  return new Response("\uFEFF" + csvRow([...FUNNEL_CSV_COLUMNS]) + rows.join(""), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}
