// The demo world: seeded on an empty database outside production (never in production).
// Every person here is fictional.
import fs from "node:fs";
import path from "node:path";
import type { Role } from "~/domain/auth/roles";
import { CONSENT_PURPOSES, type ConsentState } from "~/domain/consent/consent";
import { timeZonesOfCountries } from "~/domain/profile/languages";
import { createApiToken } from "~/models/api-token.server";
import { recordConsents } from "~/models/consent.server";
import { importReferrals } from "~/models/referral.server";
import { findSkillByLabel } from "~/models/taxonomy.server";
import { createUser } from "~/models/user.server";
import { db } from "~/utils/db.server";

export const DEMO_PASSWORD = "harbor-demo-password";
/** Partner API token of Open Doors Aid in the demo world (documented in the README). */
export const DEMO_API_TOKEN = "hbr_demoopen_harbor-demo-token-open-doors";

const ALL_CONSENTS: ConsentState = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, true])) as ConsentState;

/** People an NGO referred who have not registered yet. */
const PENDING_REFERRALS: Array<{ org: OrgSlug; givenName: string; familyName: string; latinName: string; email?: string; phone?: string; countryOfOrigin: string; currentCountry: string; preferredLanguage: string }> = [
  { org: "open-doors", givenName: "Тарас", familyName: "Бойко", latinName: "Taras Boiko", email: "taras.boiko@example.org", countryOfOrigin: "UA", currentCountry: "PL", preferredLanguage: "uk" },
  { org: "open-doors", givenName: "Marisol", familyName: "Gutiérrez", latinName: "Marisol Gutierrez", phone: "+573001234567", countryOfOrigin: "VE", currentCountry: "CO", preferredLanguage: "es" },
  { org: "nour-relief", givenName: "هدى", familyName: "السيد", latinName: "Huda Al-Sayed", email: "huda.alsayed@example.org", countryOfOrigin: "SY", currentCountry: "LB", preferredLanguage: "ar" },
  { org: "nour-relief", givenName: "فریبا", familyName: "نوری", latinName: "Fariba Noori", phone: "+93701234567", countryOfOrigin: "AF", currentCountry: "AF", preferredLanguage: "fa" },
];

const ORGANISATIONS = [
  { slug: "harbor-program", name: "Harbor Program", kind: "program" },
  { slug: "open-doors", name: "Open Doors Aid", kind: "ngo" },
  { slug: "nour-relief", name: "Nour Relief", kind: "ngo" },
  { slug: "northwind-studio", name: "Northwind Studio", kind: "employer" },
  { slug: "atlas-ledger", name: "Atlas Ledger", kind: "employer" },
] as const;

type OrgSlug = (typeof ORGANISATIONS)[number]["slug"];

const STAFF: Array<{ email: string; name: string; org: OrgSlug; roles: Role[]; locale: string }> = [
  { email: "admin@demo.harbor", name: "Amira Haddad", org: "harbor-program", roles: ["admin"], locale: "en" },
  { email: "coach@demo.harbor", name: "Lena Fischer", org: "harbor-program", roles: ["coach"], locale: "en" },
  { email: "coach2@demo.harbor", name: "Karim Nasser", org: "harbor-program", roles: ["coach", "assessor"], locale: "ar" },
  { email: "coach3@demo.harbor", name: "Oksana Lysenko", org: "harbor-program", roles: ["coach"], locale: "uk" },
  { email: "coach4@demo.harbor", name: "Diego Ramírez", org: "harbor-program", roles: ["coach"], locale: "es" },
  { email: "assessor@demo.harbor", name: "Sofia Marquez", org: "harbor-program", roles: ["assessor"], locale: "es" },
  { email: "ngo@demo.harbor", name: "Olena Bondar", org: "open-doors", roles: ["ngo_admin"], locale: "uk" },
  { email: "ngo-staff@demo.harbor", name: "Tom Becker", org: "open-doors", roles: ["ngo_staff"], locale: "en" },
  // Oksana also volunteers as a caseworker at Open Doors: the program forbids her coaching its referrals.
  { email: "coach3@demo.harbor", name: "Oksana Lysenko", org: "open-doors", roles: ["ngo_staff"], locale: "uk" },
  { email: "ngo2@demo.harbor", name: "Rania Khalil", org: "nour-relief", roles: ["ngo_admin"], locale: "ar" },
  { email: "ngo2-staff@demo.harbor", name: "Pierre Laurent", org: "nour-relief", roles: ["ngo_staff"], locale: "fr" },
  { email: "employer@demo.harbor", name: "Maya Chen", org: "northwind-studio", roles: ["employer"], locale: "en" },
  { email: "employer2@demo.harbor", name: "Daniel Okafor", org: "atlas-ledger", roles: ["employer"], locale: "en" },
];

/** Coaches' profiles: languages, expertise (skill or group labels), room, hours, formats. */
const COACHES: Array<{ email: string; capacity: number; timeZone: string; hours: [number, number]; formats: string[]; languages: Array<{ code: string; level: string }>; expertise: string[] }> = [
  { email: "coach@demo.harbor", capacity: 2, timeZone: "Europe/Berlin", hours: [9, 17], formats: ["video", "chat"], languages: [{ code: "en", level: "C2" }, { code: "de", level: "C2" }, { code: "uk", level: "B2" }], expertise: ["web development", "JavaScript", "software testing"] },
  { email: "coach2@demo.harbor", capacity: 2, timeZone: "Asia/Amman", hours: [10, 18], formats: ["phone", "chat"], languages: [{ code: "ar", level: "C2" }, { code: "en", level: "C2" }, { code: "fr", level: "B2" }], expertise: ["accounting", "data analysis", "customer service"] },
  { email: "coach3@demo.harbor", capacity: 2, timeZone: "Europe/Warsaw", hours: [8, 16], formats: ["video", "phone"], languages: [{ code: "uk", level: "C2" }, { code: "ru", level: "C2" }, { code: "en", level: "C1" }], expertise: ["graphic design", "UX design", "digital marketing"] },
  { email: "coach4@demo.harbor", capacity: 2, timeZone: "America/Bogota", hours: [8, 16], formats: ["video", "chat"], languages: [{ code: "es", level: "C2" }, { code: "en", level: "C1" }], expertise: ["digital marketing", "office administration", "accounting"] },
];

/** Assessors: the languages they assess in and their areas (skill or group labels). */
const ASSESSORS: Array<{ email: string; languages: string[]; areas: string[] }> = [
  { email: "assessor@demo.harbor", languages: ["es", "en", "fr"], areas: ["customer service", "web development", "JavaScript"] },
  { email: "coach2@demo.harbor", languages: ["ar", "en", "fr"], areas: ["accounting", "data analysis"] },
];

interface DemoBadge {
  slug: string;
  level: string;
  skills: string[];
  texts: Record<string, { name: string; description: string; criteria: string }>;
  rubric: unknown[];
  quiz: unknown[];
  quizPassMark: number;
}

/** Open roles of the demo employers (skills by label, as the taxonomy has them). */
const ROLES: Array<{ org: OrgSlug; employer: string; title: string; description: string; timeZone: string; minOverlapHours: number; hoursPerWeek: number; durationWeeks: number; budgetPerHour: number; skills: Array<{ label: string; weight: number; minLevel: number; required: boolean }>; languages: Array<{ code: string; minLevel: string }> }> = [
  {
    org: "northwind-studio",
    employer: "employer@demo.harbor",
    title: "Frontend developer (React)",
    description: "Build and test the screens of our booking product with a small remote team. Part time, flexible hours within Central European working hours.",
    timeZone: "Europe/Berlin",
    minOverlapHours: 3,
    hoursPerWeek: 20,
    durationWeeks: 26,
    budgetPerHour: 30,
    skills: [
      { label: "JavaScript", weight: 5, minLevel: 3, required: true },
      { label: "web development", weight: 4, minLevel: 3, required: true },
      { label: "software testing", weight: 2, minLevel: 2, required: false },
    ],
    languages: [{ code: "en", minLevel: "B1" }],
  },
  {
    org: "atlas-ledger",
    employer: "employer2@demo.harbor",
    title: "Remote bookkeeper",
    description: "Keep the books of small clients in order: invoices, reconciliations and monthly payroll.",
    timeZone: "Europe/London",
    minOverlapHours: 2,
    hoursPerWeek: 15,
    durationWeeks: 52,
    budgetPerHour: 22,
    skills: [
      { label: "accounting", weight: 5, minLevel: 3, required: true },
      { label: "bookkeeping", weight: 4, minLevel: 3, required: false },
      { label: "payroll", weight: 3, minLevel: 2, required: false },
    ],
    languages: [{ code: "en", minLevel: "A2" }],
  },
];

/** Candidates who asked for a coach, with when and how they can meet. */
const COACHING_REQUESTS: Record<string, { hours: [number, number]; formats: string[] }> = {
  "candidate@demo.harbor": { hours: [9, 18], formats: ["video"] },
  "candidate2@demo.harbor": { hours: [17, 21], formats: ["chat"] },
  "candidate4@demo.harbor": { hours: [10, 16], formats: ["phone"] },
  "candidate5@demo.harbor": { hours: [12, 20], formats: ["chat"] },
  "candidate7@demo.harbor": { hours: [9, 13], formats: ["phone", "chat"] },
  "candidate8@demo.harbor": { hours: [8, 14], formats: ["video"] },
  "candidate9@demo.harbor": { hours: [9, 17], formats: ["chat"] },
  "candidate12@demo.harbor": { hours: [18, 22], formats: ["video", "chat"] },
};

const CANDIDATES: Array<{
  email: string;
  nativeName: string;
  latinName: string;
  origin: string;
  current: string;
  locale: string;
  referredBy: OrgSlug | null;
  languages: Array<{ code: string; level: string }>;
  skills: string[];
}> = [
  { email: "candidate@demo.harbor", nativeName: "Олександр Коваленко", latinName: "Oleksandr Kovalenko", origin: "UA", current: "PL", locale: "uk", referredBy: "open-doors", languages: [{ code: "uk", level: "C2" }, { code: "en", level: "B2" }, { code: "pl", level: "B1" }], skills: ["JavaScript", "React", "web development"] },
  { email: "candidate2@demo.harbor", nativeName: "Ірина Шевчук", latinName: "Iryna Shevchuk", origin: "UA", current: "DE", locale: "uk", referredBy: "open-doors", languages: [{ code: "uk", level: "C2" }, { code: "de", level: "B1" }, { code: "en", level: "B2" }], skills: ["accounting", "bookkeeping"] },
  { email: "candidate3@demo.harbor", nativeName: "Дмитрий Соколов", latinName: "Dmitrii Sokolov", origin: "UA", current: "CZ", locale: "ru", referredBy: "open-doors", languages: [{ code: "ru", level: "C2" }, { code: "uk", level: "C1" }, { code: "en", level: "B1" }], skills: ["data analysis", "SQL"] },
  { email: "candidate4@demo.harbor", nativeName: "ليلى الحسن", latinName: "Layla Al-Hassan", origin: "SY", current: "JO", locale: "ar", referredBy: "nour-relief", languages: [{ code: "ar", level: "C2" }, { code: "en", level: "B2" }], skills: ["graphic design", "Adobe Illustrator"] },
  { email: "candidate5@demo.harbor", nativeName: "عمر الخطيب", latinName: "Omar Al-Khatib", origin: "SY", current: "TR", locale: "ar", referredBy: "nour-relief", languages: [{ code: "ar", level: "C2" }, { code: "tr", level: "B1" }, { code: "en", level: "B1" }], skills: ["customer service", "translation"] },
  { email: "candidate6@demo.harbor", nativeName: "سارا احمدی", latinName: "Sara Ahmadi", origin: "AF", current: "DE", locale: "fa", referredBy: "nour-relief", languages: [{ code: "fa", level: "C2" }, { code: "ps", level: "B2" }, { code: "en", level: "B2" }], skills: ["software testing", "Python"] },
  { email: "candidate7@demo.harbor", nativeName: "محمد رحیمی", latinName: "Mohammad Rahimi", origin: "AF", current: "PK", locale: "fa", referredBy: "open-doors", languages: [{ code: "fa", level: "C2" }, { code: "en", level: "B1" }], skills: ["virtual assistance", "office administration"] },
  { email: "candidate8@demo.harbor", nativeName: "Valentina Rojas", latinName: "Valentina Rojas", origin: "VE", current: "CO", locale: "es", referredBy: "open-doors", languages: [{ code: "es", level: "C2" }, { code: "en", level: "B2" }], skills: ["digital marketing", "copywriting"] },
  { email: "candidate9@demo.harbor", nativeName: "Andrés Pérez", latinName: "Andres Perez", origin: "VE", current: "PE", locale: "es", referredBy: null, languages: [{ code: "es", level: "C2" }, { code: "en", level: "A2" }], skills: ["accounting", "payroll"] },
  { email: "candidate10@demo.harbor", nativeName: "Marie-Claire Mbala", latinName: "Marie-Claire Mbala", origin: "CD", current: "FR", locale: "fr", referredBy: "nour-relief", languages: [{ code: "fr", level: "C2" }, { code: "ln", level: "C2" }, { code: "en", level: "B1" }], skills: ["customer support", "French translation"] },
  { email: "candidate11@demo.harbor", nativeName: "Yusuf Haidari", latinName: "Yusuf Haidari", origin: "AF", current: "IR", locale: "fa", referredBy: null, languages: [{ code: "fa", level: "C2" }, { code: "en", level: "B2" }], skills: ["web development", "PHP"] },
  { email: "candidate12@demo.harbor", nativeName: "Наталія Мельник", latinName: "Nataliia Melnyk", origin: "UA", current: "UA", locale: "uk", referredBy: "open-doors", languages: [{ code: "uk", level: "C2" }, { code: "en", level: "C1" }], skills: ["UX design", "Figma"] },
];

/** Seeds the demo world if the database has no organisation yet. Returns whether it seeded. */
export async function seedDemoWorldIfEmpty(): Promise<boolean> {
  if ((await db.organisation.count()) > 0) return false;
  await seedDemoWorld();
  return true;
}

export async function seedDemoWorld(): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const org of ORGANISATIONS) {
    const created = await db.organisation.create({ data: org, select: { id: true } });
    orgIds.set(org.slug, created.id);
  }
  const orgId = (slug: OrgSlug) => orgIds.get(slug) as string;

  // One account per address; a person listed twice (a coach who is also an NGO caseworker) holds both memberships.
  await Promise.all(
    [...new Set(STAFF.map((person) => person.email))].map((email) => {
      const entries = STAFF.filter((person) => person.email === email);
      const [first] = entries as [(typeof STAFF)[number]];
      return createUser({
        email,
        displayName: first.name,
        password: DEMO_PASSWORD,
        locale: first.locale,
        memberships: entries.flatMap((person) => person.roles.map((role) => ({ role, organisationId: orgId(person.org) }))),
      });
    }),
  );
  for (const coach of COACHES) {
    const user = await db.user.findUniqueOrThrow({ where: { email: coach.email }, select: { id: true } });
    const expertise = (await Promise.all(coach.expertise.map((label) => findSkillByLabel(label)))).filter((uri): uri is string => !!uri);
    await db.coachProfile.create({
      data: {
        userId: user.id,
        capacity: coach.capacity,
        timeZone: coach.timeZone,
        hoursStart: coach.hours[0],
        hoursEnd: coach.hours[1],
        formats: JSON.stringify(coach.formats),
        languages: { create: coach.languages },
        expertise: { create: [...new Set(expertise)].map((conceptUri) => ({ conceptUri })) },
      },
    });
  }
  for (const person of CANDIDATES) {
    const user = await createUser({
      email: person.email,
      displayName: person.latinName,
      password: DEMO_PASSWORD,
      locale: person.locale,
      memberships: [{ role: "candidate", organisationId: orgId("harbor-program") }],
    });
    const [givenName = person.nativeName, ...family] = person.nativeName.split(" ");
    let referralId: string | null = null;
    if (person.referredBy) {
      await importReferrals({
        organisationId: orgId(person.referredBy),
        actorUserId: null,
        rows: [{ row: 1, value: { givenName, familyName: family.join(" ") || "—", latinName: person.latinName, email: person.email, countryOfOrigin: person.origin, currentCountry: person.current, preferredLanguage: person.locale } }],
        onResult: (r) => (referralId = r.referralId),
      });
      if (referralId) await db.referral.update({ where: { id: referralId }, data: { status: "registered", candidateUserId: user.id } });
    }
    const skills = (await Promise.all(person.skills.map((label) => findSkillByLabel(label)))).filter((uri): uri is string => !!uri);
    const request = COACHING_REQUESTS[person.email];
    const profile = await db.candidateProfile.create({
      data: {
        userId: user.id,
        referralId,
        referringOrganisationId: person.referredBy ? orgId(person.referredBy) : null,
        nativeName: person.nativeName,
        latinName: person.latinName,
        countryOfOrigin: person.origin,
        currentCountry: person.current,
        availabilityHours: 20,
        interestConfirmedAt: new Date(),
        stageEvents: { create: { stage: "registered" } },
        timeZone: timeZonesOfCountries([person.current])[0] ?? "UTC",
        ...(request ? { coachingRequestedAt: new Date(), coachingHoursStart: request.hours[0], coachingHoursEnd: request.hours[1], coachingFormats: JSON.stringify(request.formats) } : {}),
        languages: { create: person.languages },
        skills: { create: [...new Set(skills)].map((conceptUri) => ({ conceptUri, level: 4 })) },
      },
      select: { id: true },
    });
    await recordConsents({ userId: user.id, profileId: profile.id, choices: ALL_CONSENTS, language: person.locale });
  }

  for (const org of ["open-doors", "nour-relief"] as const) {
    await importReferrals({
      organisationId: orgId(org),
      actorUserId: null,
      rows: PENDING_REFERRALS.filter((r) => r.org === org).map(({ org: _org, ...value }, index) => ({ row: index + 1, value })),
    });
  }
  await createApiToken({ organisationId: orgId("open-doors"), name: "Demo KoboToolbox", actorUserId: null, token: DEMO_API_TOKEN });

  for (const assessor of ASSESSORS) {
    const user = await db.user.findUniqueOrThrow({ where: { email: assessor.email }, select: { id: true } });
    const areas = (await Promise.all(assessor.areas.map((label) => findSkillByLabel(label)))).filter((uri): uri is string => !!uri);
    await db.assessorProfile.create({ data: { userId: user.id, languages: JSON.stringify(assessor.languages), areas: JSON.stringify([...new Set(areas)]) } });
  }
  for (const role of ROLES) {
    const employer = await db.user.findUniqueOrThrow({ where: { email: role.employer }, select: { id: true } });
    const skills = await Promise.all(role.skills.map(async ({ label, ...rest }) => ({ conceptUri: await findSkillByLabel(label), ...rest })));
    await db.role.create({
      data: {
        organisationId: orgId(role.org),
        title: role.title,
        description: role.description,
        language: "en",
        status: "open",
        timeZone: role.timeZone,
        minOverlapHours: role.minOverlapHours,
        hoursPerWeek: role.hoursPerWeek,
        durationWeeks: role.durationWeeks,
        budgetPerHour: role.budgetPerHour,
        createdById: employer.id,
        // One line per concept: two labels can name the same one.
        skills: { create: skills.filter((s, i): s is typeof s & { conceptUri: string } => !!s.conceptUri && skills.findIndex((o) => o.conceptUri === s.conceptUri) === i) },
        languages: { create: role.languages },
      },
    });
  }
  const { badges } = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "data", "demo-badges.json"), "utf8")) as { badges: DemoBadge[] };
  for (const badge of badges) {
    const skills = (await Promise.all(badge.skills.map((label) => findSkillByLabel(label)))).filter((uri): uri is string => !!uri);
    await db.badgeDefinition.create({
      data: {
        slug: badge.slug,
        level: badge.level,
        texts: JSON.stringify(badge.texts),
        rubric: JSON.stringify(badge.rubric),
        quiz: JSON.stringify(badge.quiz),
        quizPassMark: badge.quizPassMark,
        skills: { create: [...new Set(skills)].map((conceptUri) => ({ conceptUri })) },
      },
    });
  }
}
