// Run by run.ts once per database, in its own process (one Prisma client per database): adds
// 2,000 referrals to Open Doors (so the NGO list pages through a realistic table), generates a
// slate for Northwind's demo role, and signs in the three demo users whose pages are measured.
// Prints { cookies, paths } as JSON.
import { importReferrals } from "~/models/referral.server";
import { createSession } from "~/models/session.server";
import { generateSlate } from "~/models/slates.server";
import { db } from "~/utils/db.server";

const REFERRALS = 2000;
const SYLLABLES = ["ka", "lo", "mi", "ra", "shi", "to", "ve", "na", "dru", "hel", "os", "yan"];
const word = (n: number) => SYLLABLES[n % 12]! + SYLLABLES[Math.floor(n / 12) % 12]! + SYLLABLES[Math.floor(n / 144) % 12]!;

async function userOf(email: string) {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { role: true, organisation: { select: { id: true, slug: true } } } } } });
}

async function cookieFor(email: string): Promise<string> {
  const user = await userOf(email);
  const setCookie = await createSession(new Request("http://harbor.bench/"), user.id, user.memberships.map((m) => m.role as never));
  return setCookie.split(";")[0]!;
}

const ngo = await userOf("ngo@demo.harbor");
const openDoors = ngo.memberships.find((m) => m.organisation.slug === "open-doors")!.organisation;
await importReferrals({
  organisationId: openDoors.id,
  actorUserId: ngo.id,
  rows: Array.from({ length: REFERRALS }, (_, i) => ({ row: i + 2, value: { givenName: word(i), familyName: word(i * 7 + 3), email: `bench-${i}@example.org` } })),
});

const employer = await userOf("employer@demo.harbor");
const northwind = employer.memberships.find((m) => m.organisation.slug === "northwind-studio")!.organisation;
const role = await db.role.findFirstOrThrow({ where: { organisationId: northwind.id }, select: { id: true } });
const slate = await generateSlate({ actorUserId: employer.id, organisationId: northwind.id, roleId: role.id, size: 25, balanceShare: null });
if (slate.status !== "ok") throw new Error(`no slate: ${JSON.stringify(slate)}`);

console.log(
  JSON.stringify({
    pages: [
      { name: "candidate dashboard", path: "/dashboard", cookie: await cookieFor("candidate@demo.harbor") },
      { name: "NGO referrals list", path: "/org/open-doors/referrals", cookie: await cookieFor("ngo@demo.harbor") },
      { name: "employer slate page", path: `/org/northwind-studio/slates/${slate.slateId}`, cookie: await cookieFor("employer@demo.harbor") },
    ],
  }),
);
await db.$disconnect();
