import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * A phone number in E.164 (+380501234567), or null when it is not a valid number. Numbers
 * written without a country code are read as numbers of `defaultCountry` (the person's current
 * country, when known).
 */
export function normalisePhone(raw: string, defaultCountry?: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  const country = defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(text.startsWith("00") ? `+${text.slice(2)}` : text, country);
  return parsed?.isValid() ? parsed.number : null;
}
