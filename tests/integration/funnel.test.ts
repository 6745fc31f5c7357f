import { describe, expect, it } from "vitest";
import type { ProgramFunnel } from "~/models/funnel.server";
import { loader as adminFunnel } from "~/routes/admin.funnel";
import { loader as adminFunnelCsv } from "~/routes/admin.funnel[.]csv";
import { loader as orgFunnel } from "~/routes/org.$slug_.funnel";
import { loader as orgFunnelCsv } from "~/routes/org.$slug_.funnel[.]csv";
import { db } from "~/utils/db.server";
import { cookieFor, getRequest, runRoute as run, type RouteArgs } from "./context";

const get = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, path: string, params: Record<string, string> = {}) =>
  run(fn, getRequest(path, { cookie: await cookieFor(email) }), params);
const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as { init?: { status: number } }).init?.status ?? 200));
const reached = (funnel: ProgramFunnel, stage: string) => funnel.overall.find((r) => r.stage === stage)?.reached;

describe("the program funnel", () => {
  it("counts every referred and registered person, by stage, with each NGO's groups adding up", async () => {
    const { funnel } = (await get(adminFunnel, "admin@demo.harbor", "/admin/funnel")) as { funnel: ProgramFunnel };
    const profiles = await db.candidateProfile.count();
    const waiting = await db.referral.count({ where: { status: "referred", candidateUserId: null } });
    expect(funnel.total).toBe(profiles + waiting);
    expect(reached(funnel, "referred")).toBe(profiles + waiting);
    expect(reached(funnel, "registered")).toBe(profiles);
    const byNgo = funnel.dimensions.find((d) => d.dimension === "ngo");
    expect(byNgo?.groups.map((g) => g.name)).toEqual(expect.arrayContaining(["Open Doors Aid", "Nour Relief"]));
    expect(byNgo?.groups.reduce((sum, g) => sum + (g.stages[1]?.reached ?? 0), 0)).toBe(profiles);
  });

  it("moves with the pipeline and times the stage people leave", async () => {
    const profile = await db.candidateProfile.findFirstOrThrow({ where: { stage: "registered" }, select: { id: true } });
    await db.candidateStageEvent.updateMany({ where: { profileId: profile.id, stage: "registered" }, data: { at: new Date(Date.now() - 10 * 86_400_000) } });
    await db.candidateProfile.update({ where: { id: profile.id }, data: { stage: "coached", stageEvents: { create: { stage: "coached" } } } });
    const { funnel } = (await get(adminFunnel, "admin@demo.harbor", "/admin/funnel")) as { funnel: ProgramFunnel };
    expect(reached(funnel, "coached")).toBeGreaterThanOrEqual(1);
    const registered = funnel.overall.find((r) => r.stage === "registered");
    expect(registered?.movedOn).toBeGreaterThanOrEqual(1);
    expect(registered?.medianDays).toBeGreaterThanOrEqual(9.9);
  });

  it("shows an NGO admin only their own slice, and nobody else the funnel", async () => {
    const ownIds = (await db.organisation.findUniqueOrThrow({ where: { slug: "open-doors" }, select: { id: true } })).id;
    const own = (await get(orgFunnel, "ngo@demo.harbor", "/org/open-doors/funnel", { slug: "open-doors" })) as { funnel: ProgramFunnel };
    const profiles = await db.candidateProfile.count({ where: { referringOrganisationId: ownIds } });
    expect(reached(own.funnel, "registered")).toBe(profiles);
    expect(own.funnel.dimensions.find((d) => d.dimension === "ngo")?.groups.map((g) => g.name)).toEqual(["Open Doors Aid"]);

    expect(statusOf(await get(orgFunnel, "ngo@demo.harbor", "/org/nour-relief/funnel", { slug: "nour-relief" }))).toBe(403);
    expect(statusOf(await get(orgFunnel, "ngo-staff@demo.harbor", "/org/open-doors/funnel", { slug: "open-doors" }))).toBe(403);
    expect(statusOf(await get(orgFunnel, "employer@demo.harbor", "/org/northwind-studio/funnel", { slug: "northwind-studio" }))).toBe(404);
    for (const email of ["ngo@demo.harbor", "employer@demo.harbor", "coach@demo.harbor", "candidate@demo.harbor"]) {
      expect(statusOf(await get(adminFunnel, email, "/admin/funnel"))).toBe(403);
      expect(statusOf(await get(adminFunnelCsv, email, "/admin/funnel.csv"))).toBe(403);
    }
  });

  it("exports CSV that spreadsheets cannot run", async () => {
    await db.organisation.update({ where: { slug: "nour-relief" }, data: { name: "=HYPERLINK(\"http://evil\")" } });
    const response = (await get(adminFunnelCsv, "admin@demo.harbor", "/admin/funnel.csv")) as Response;
    const csv = new TextDecoder().decode(await response.arrayBuffer());
    expect(csv.split("\r\n")[0]).toBe("dimension,group,stage,reached,conversion,median_days,moved_on");
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toMatch(/\r\nall,,referred,\d+,,/);
    const slice = (await get(orgFunnelCsv, "ngo@demo.harbor", "/org/open-doors/funnel.csv", { slug: "open-doors" })) as Response;
    expect(await slice.text()).not.toContain("HYPERLINK");
  });
});
