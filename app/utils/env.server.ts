import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with "file:" or "postgresql://"')
      .optional(),
    APP_URL: z.url("must be an absolute URL such as https://harbor.example.org").optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default("Harbor <no-reply@harbor.localhost>"),
    // Large enough for a 10 MB referral CSV or a 5 MB CV; routes enforce their own smaller caps.
    /** Where uploaded files (CVs, evidence, staged CSVs) live; outside public/. */
    UPLOADS_DIR: z.string().min(1).optional(),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(12 * 1024 * 1024),
    /** Encrypts coaching-session notes at rest. Rotate by moving the old one to the list below. */
    NOTES_ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters").optional(),
    /** Comma-separated earlier keys, still read so that older notes stay readable. */
    NOTES_ENCRYPTION_PREVIOUS_KEYS: z.string().default(""),
    /** Signs badge credentials: an Ed25519 private JWK with a kid. Rotate by moving its public part below. */
    BADGE_SIGNING_KEY: z.string().min(1).optional(),
    /** JSON array of retired public JWKs, kept so that badges they signed still verify. */
    BADGE_PREVIOUS_PUBLIC_KEYS: z.string().optional(),
    /** Days a coach has to accept or decline a proposed candidate. */
    COACH_RESPONSE_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** Whether a coach who is also a caseworker at the candidate's NGO may coach them. */
    COACHING_ALLOW_OWN_NGO: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
    /** The freelance marketplace hires are handed to; unset: the built-in sandbox plays it. */
    MARKETPLACE_URL: z.url().optional(),
    /** Standard Webhooks secret shared with the marketplace, `whsec_<base64>`. */
    MARKETPLACE_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, "must look like whsec_<base64 of at least 18 bytes>").optional(),
    /** Milliseconds one delivery attempt may take. */
    MARKETPLACE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Whether this instance migrates and loads first-start data itself; `false` when a release step does it once. */
    MIGRATE_ON_START: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.SESSION_SECRET)
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    if (!env.APP_URL)
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production" });
    if (!env.BADGE_SIGNING_KEY)
      ctx.addIssue({ code: "custom", path: ["BADGE_SIGNING_KEY"], message: "is required in production" });
    if (!env.NOTES_ENCRYPTION_KEY)
      ctx.addIssue({ code: "custom", path: ["NOTES_ENCRYPTION_KEY"], message: "is required in production" });
    if (env.MARKETPLACE_URL && !env.MARKETPLACE_SECRET)
      ctx.addIssue({ code: "custom", path: ["MARKETPLACE_SECRET"], message: "is required with MARKETPLACE_URL in production" });
  });

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; APP_URL: string; NOTES_ENCRYPTION_KEY: string; MARKETPLACE_SECRET: string };

/** Parses an environment; throws one readable message listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Harbor cannot start: invalid environment\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return {
    ...env,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    SESSION_SECRET: env.SESSION_SECRET ?? developmentSecret("dev-session-secret"),
    NOTES_ENCRYPTION_KEY: env.NOTES_ENCRYPTION_KEY ?? developmentSecret("dev-notes-key"),
    MARKETPLACE_SECRET: env.MARKETPLACE_SECRET ?? `whsec_${Buffer.from(developmentSecret("dev-marketplace-secret")).toString("base64")}`,
  };
}

/** Outside production a secret is generated once and kept in the git-ignored data/ folder. */
function developmentSecret(name: string): string {
  const file = path.resolve(process.cwd(), "data", name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process started at the same moment and wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
