import { ISO_3166_ALPHA2, isReferralCountry } from "./referral-input";

/** Whether a value is an ISO 3166-1 alpha-2 code (the same list referrals are checked against). */
export const isCountryCode = isReferralCountry;

/** Country names in the reader's language, sorted for that language. */
export function countryOptions(language: string): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames([language], { type: "region" });
  const collator = new Intl.Collator(language);
  return ISO_3166_ALPHA2.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}
