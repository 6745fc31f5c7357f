import { Readable } from "node:stream";
import type { ReferralInput } from "~/domain/intake/referral-input";
import { ReferralCsvError, readReferralCsv } from "~/domain/intake/referral-csv";
import { inviteReferral } from "~/models/invite.server";
import { createSkillResolver, importReferrals } from "~/models/referral.server";
import { discardStagedUpload, readStagedUpload, stageUpload } from "~/models/upload-staging.server";
import { db } from "~/utils/db.server";

export const MAX_REFERRAL_FILE_BYTES = 10 * 1024 * 1024;
/** Problems listed on the preview page; the count says how many more there are. */
const MAX_LISTED_ERRORS = 200;
const SAMPLE_ROWS = 5;

export type PreviewResult =
  | { status: "file_error"; code: string }
  | {
      status: "ok";
      contentHash: string;
      rowCount: number;
      errorCount: number;
      errors: Array<{ row: number; field: string; code: string }>;
      sample: Array<{ row: number; name: string; contact: string }>;
      alreadyImported: boolean;
    };

/** Reads an uploaded CSV once to show what would be imported and every row's problems. */
export async function previewReferralFile(input: { organisationId: string; bytes: Uint8Array }): Promise<PreviewResult> {
  let rowCount = 0;
  let errorCount = 0;
  const errors: Array<{ row: number; field: string; code: string }> = [];
  const sample: Array<{ row: number; name: string; contact: string }> = [];
  try {
    for await (const { row, result } of readReferralCsv(Readable.from([Buffer.from(input.bytes)]), { maxBytes: MAX_REFERRAL_FILE_BYTES })) {
      rowCount++;
      if (!result.ok) {
        errorCount += result.errors.length;
        for (const e of result.errors) if (errors.length < MAX_LISTED_ERRORS) errors.push({ row, ...e });
      } else if (sample.length < SAMPLE_ROWS) {
        sample.push({ row, name: `${result.value.givenName} ${result.value.familyName}`, contact: result.value.email ?? result.value.phone ?? "" });
      }
    }
  } catch (error) {
    if (error instanceof ReferralCsvError) return { status: "file_error", code: error.code };
    throw error;
  }
  if (rowCount === 0) return { status: "file_error", code: "empty" };
  const contentHash = await stageUpload(input.organisationId, input.bytes);
  const alreadyImported = !!(await db.referralBatch.findUnique({
    where: { organisationId_contentHash: { organisationId: input.organisationId, contentHash } },
    select: { id: true },
  }));
  return { status: "ok", contentHash, rowCount, errorCount, errors, sample, alreadyImported };
}

class InvalidRowError extends Error {}

export type ConfirmResult =
  | { status: "expired" }
  | { status: "invalid" }
  | { status: "imported" | "already_imported"; summary: { created: number; duplicate: number }; invited: number };

/**
 * Imports exactly the previewed file (by content hash), all or nothing, then invites the people
 * it recorded. A second confirmation of the same file imports nothing.
 */
export async function confirmReferralFile(input: { organisationId: string; actorUserId: string; contentHash: string }): Promise<ConfirmResult> {
  let stream: Readable | null;
  try {
    stream = readStagedUpload(input.organisationId, input.contentHash);
  } catch {
    return { status: "expired" };
  }
  if (!stream) {
    const batch = await db.referralBatch.findUnique({
      where: { organisationId_contentHash: { organisationId: input.organisationId, contentHash: input.contentHash } },
      select: { id: true },
    });
    return batch ? { status: "already_imported", summary: { created: 0, duplicate: 0 }, invited: 0 } : { status: "expired" };
  }
  const resolve = createSkillResolver();
  const source = stream;
  async function* rows(): AsyncGenerator<{ row: number; value: ReferralInput }> {
    for await (const { row, result } of readReferralCsv(source, { maxBytes: MAX_REFERRAL_FILE_BYTES })) {
      if (!result.ok) throw new InvalidRowError();
      yield { row, value: await resolve(result.value) };
    }
  }
  const recorded: string[] = [];
  let outcome;
  try {
    outcome = await importReferrals({
      organisationId: input.organisationId,
      actorUserId: input.actorUserId,
      contentHash: input.contentHash,
      rows: rows(),
      onResult: (r) => {
        if (!r.reasons?.includes("external_id")) recorded.push(r.referralId);
      },
    });
  } catch (error) {
    if (error instanceof InvalidRowError || error instanceof ReferralCsvError) return { status: "invalid" };
    throw error;
  }
  await discardStagedUpload(input.organisationId, input.contentHash);
  if (outcome.status === "already_imported") return { ...outcome, invited: 0 };
  let invited = 0;
  for (const referralId of recorded) if ((await inviteReferral(referralId)).emailed) invited++;
  return { ...outcome, invited };
}
