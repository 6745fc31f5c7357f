// Translation keys for referral problems, as full literals (see docs/decisions/004-translations.md).

/** Row problems, by the codes validateReferralInput returns. */
export const REFERRAL_ERROR_KEYS: Record<string, string> = {
  required: "intake:errors.required",
  invalid_email: "intake:errors.invalid_email",
  invalid_phone: "intake:errors.invalid_phone",
  contact_required: "intake:errors.contact_required",
  invalid_date: "intake:errors.invalid_date",
  invalid_country: "intake:errors.invalid_country",
  invalid_language: "intake:errors.invalid_language",
  invalid_level: "intake:errors.invalid_level",
  too_long: "intake:errors.too_long",
  unsafe_characters: "intake:errors.unsafe_characters",
  malformed_row: "intake:errors.malformed_row",
  invalid: "intake:errors.invalid",
};

/** Field names as the reader knows them. */
export const REFERRAL_FIELD_KEYS: Record<string, string> = {
  _row: "intake:upload.whole_row",
  externalId: "intake:fields.externalId",
  givenName: "intake:fields.givenName",
  familyName: "intake:fields.familyName",
  latinName: "intake:fields.latinName",
  email: "intake:fields.email",
  phone: "intake:fields.phone",
  dateOfBirth: "intake:fields.dateOfBirth",
  countryOfOrigin: "intake:fields.countryOfOrigin",
  currentCountry: "intake:fields.currentCountry",
  preferredLanguage: "intake:fields.preferredLanguage",
  languages: "intake:fields.languages",
  skills: "intake:fields.skills",
  note: "intake:fields.note",
};

/** Whole-file problems. */
export const REFERRAL_FILE_ERROR_KEYS: Record<string, string> = {
  binary: "intake:file_errors.binary",
  too_large: "intake:file_errors.too_large",
  too_many_rows: "intake:file_errors.too_many_rows",
  no_header: "intake:file_errors.no_header",
  missing_columns: "intake:file_errors.missing_columns",
  malformed: "intake:file_errors.malformed",
  empty: "intake:file_errors.empty",
  missing: "intake:file_errors.missing",
  unreadable: "intake:file_errors.unreadable",
  expired: "intake:file_errors.expired",
  changed: "intake:file_errors.changed",
};

/** Where a referral stands (client-safe: the referrals page builds its filter from it). */
export const REFERRAL_STATUSES = ["referred", "registered", "merged", "withdrawn"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Referral statuses. */
export const REFERRAL_STATUS_KEYS: Record<string, string> = {
  referred: "intake:status.referred",
  registered: "intake:status.registered",
  merged: "intake:status.merged",
  withdrawn: "intake:status.withdrawn",
};
