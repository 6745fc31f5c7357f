// An awarded badge as an Open Badges 3.0 credential on the W3C VC 2.0 data model, unsigned
// (utils/badge-keys.server.ts secures it as a VC-JWT; docs/decisions/010-open-badges-credentials.md).
//
// The subject is the person's stable `urn:uuid:` id, never their email: a badge must stay valid
// when the holder's email changes, and the public credential must not reveal it. A holder who
// wants wallets to match the badge to their email can opt in to a salted hash of it.
import crypto from "node:crypto";
import { z } from "zod";
import { STATUS_LIST_BITS } from "./status-list";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/** OB 3.0's pattern for `inLanguage`: "uk", "ar", "fa", "pt-BR", "zh-Hans". */
const LANGUAGE_TAG = /^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ESCO is not in OB's list of alignment target types, which leaves extensions as "ext:<name>".
const ESCO_SKILL_TARGET_TYPE = "ext:ESCOSkill";

const ProfileSchema = z.looseObject({
  id: z.string(),
  type: z.tuple([z.literal("Profile")]),
  name: z.string(),
  url: z.string(),
});

const IdentityObjectSchema = z.object({
  type: z.literal("IdentityObject"),
  hashed: z.literal(true),
  identityHash: z.string().regex(/^sha256\$[0-9a-f]{64}$/),
  identityType: z.literal("emailAddress"),
  salt: z.string(),
});

/**
 * What Harbor issues, as a reader checks it (a verified JWT's payload is parsed with this).
 * Fields this version does not know are kept (except where OB forbids extra fields), so a
 * credential from a later version of this code still reads.
 */
export const OpenBadgeCredentialSchema = z.looseObject({
  "@context": z.tuple([z.literal(VC_V2_CONTEXT), z.literal(OB_V3_CONTEXT)]),
  id: z.string(),
  type: z.tuple([z.literal("VerifiableCredential"), z.literal("OpenBadgeCredential")]),
  issuer: ProfileSchema,
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }).optional(),
  name: z.string(),
  credentialSubject: z.looseObject({
    id: z.string().regex(URN_UUID),
    type: z.tuple([z.literal("AchievementSubject")]),
    achievement: z.looseObject({
      id: z.string(),
      type: z.tuple([z.literal("Achievement")]),
      achievementType: z.literal("Badge"),
      name: z.string(),
      description: z.string(),
      inLanguage: z.string().regex(LANGUAGE_TAG),
      criteria: z.looseObject({ narrative: z.string() }),
      image: z.object({ id: z.string(), type: z.literal("Image") }),
      alignment: z.array(
        z.looseObject({
          type: z.tuple([z.literal("Alignment")]),
          targetName: z.string(),
          targetUrl: z.string(),
          targetFramework: z.literal("ESCO"),
          targetType: z.literal(ESCO_SKILL_TARGET_TYPE),
        }),
      ),
    }),
    identifier: z.array(IdentityObjectSchema).optional(),
  }),
  evidence: z.array(
    z.looseObject({
      id: z.string().optional(),
      type: z.tuple([z.literal("Evidence")]),
      name: z.string(),
      narrative: z.string(),
    }),
  ),
  credentialStatus: z.looseObject({
    id: z.string(),
    type: z.literal("BitstringStatusListEntry"),
    statusPurpose: z.literal("revocation"),
    statusListIndex: z.string().regex(/^(0|[1-9][0-9]*)$/),
    statusListCredential: z.string(),
  }),
});

export type OpenBadgeCredential = z.infer<typeof OpenBadgeCredentialSchema>;
export type IssuerProfile = z.infer<typeof ProfileSchema>;
export type IdentityObject = z.infer<typeof IdentityObjectSchema>;

export interface CredentialInput {
  /** The credential's URL, e.g. its verification page. */
  id: string;
  issuer: { id: string; name: string; url: string };
  /** The person's stable id. */
  subjectId: `urn:uuid:${string}`;
  validFrom: Date;
  validUntil?: Date;
  /** The one language of the names and descriptions below; must match OB's `inLanguage` pattern. */
  language: string;
  achievement: {
    /** The badge definition's URL: the same for everyone who earns it. */
    id: string;
    name: string;
    description: string;
    criteria: string;
    imageUrl: string;
    skills: ReadonlyArray<{ name: string; escoUri: string }>;
  };
  evidence: ReadonlyArray<{ id?: string; name: string; narrative: string }>;
  /** Only when the holder opted in to having their email (hashed) in the credential. */
  recipientEmail?: { email: string; salt: string };
  status: { listUrl: string; index: number };
}

/**
 * OB's IdentityHash: "sha256$" and the hex SHA-256 of the address followed by the salt. The
 * address is trimmed and lower-cased first, so the hash does not depend on how it was typed.
 */
export function emailIdentityHash(email: string, salt: string): string {
  const digest = crypto.createHash("sha256").update(email.trim().toLowerCase() + salt, "utf8").digest("hex");
  return `sha256$${digest}`;
}

export function buildOpenBadgeCredential(input: CredentialInput): OpenBadgeCredential {
  const { achievement, status } = input;
  if (!Number.isSafeInteger(status.index) || status.index < 0 || status.index >= STATUS_LIST_BITS)
    throw new RangeError(`status list index ${status.index} is outside 0..${STATUS_LIST_BITS - 1}`);
  if (!LANGUAGE_TAG.test(input.language)) throw new RangeError(`"${input.language}" is not a language tag OB accepts`);
  if (!URN_UUID.test(input.subjectId)) throw new RangeError("the subject id must be a urn:uuid");

  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: input.issuer.id, type: ["Profile"], name: input.issuer.name, url: input.issuer.url },
    validFrom: input.validFrom.toISOString(),
    ...(input.validUntil && { validUntil: input.validUntil.toISOString() }),
    name: achievement.name,
    credentialSubject: {
      id: input.subjectId,
      type: ["AchievementSubject"],
      achievement: {
        id: achievement.id,
        type: ["Achievement"],
        achievementType: "Badge",
        name: achievement.name,
        description: achievement.description,
        inLanguage: input.language,
        criteria: { narrative: achievement.criteria },
        image: { id: achievement.imageUrl, type: "Image" },
        alignment: achievement.skills.map((skill) => ({
          type: ["Alignment"],
          targetName: skill.name,
          targetUrl: skill.escoUri,
          targetFramework: "ESCO",
          targetType: ESCO_SKILL_TARGET_TYPE,
        })),
      },
      ...(input.recipientEmail && {
        identifier: [
          {
            type: "IdentityObject",
            hashed: true,
            identityHash: emailIdentityHash(input.recipientEmail.email, input.recipientEmail.salt),
            identityType: "emailAddress",
            salt: input.recipientEmail.salt,
          },
        ],
      }),
    },
    evidence: input.evidence.map((item) => ({
      ...(item.id !== undefined && { id: item.id }),
      type: ["Evidence"],
      name: item.name,
      narrative: item.narrative,
    })),
    credentialStatus: {
      id: `${status.listUrl}#${status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(status.index),
      statusListCredential: status.listUrl,
    },
  };
}
