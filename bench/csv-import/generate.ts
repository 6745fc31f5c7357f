// Writes a realistic referral CSV: mixed scripts, emails or phones, some skills, a few duplicates.
import fs from "node:fs";
import { csvRow } from "../../app/domain/intake/csv-safety";

const GIVEN = ["Олександр", "Ірина", "Дмитро", "Наталія", "محمد", "ليلى", "عمر", "سارا", "Valentina", "Andrés", "Marie", "Yusuf", "Oleksandr", "Iryna", "Fatima", "Hassan"];
const SYLLABLES = ["ko", "va", "len", "shev", "chuk", "mel", "nyk", "ro", "jas", "pe", "rez", "mba", "la", "hai", "da", "ri", "ra", "hi", "mi", "nas", "ser", "bon", "dar", "tka", "chen", "lu", "zar", "mir", "sa", "fi"];

/** Mostly distinct family names (30^4 combinations), as in real referral files. */
function familyName(i: number): string {
  let n = i;
  let name = "";
  for (let k = 0; k < 4; k++) {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}
const COUNTRIES = ["UA", "SY", "AF", "VE", "CD", "PL", "DE", "TR", "JO", "CO"];
const SKILLS = ["accounting", "JavaScript", "customer service", "graphic design", "data analysis", "translation"];

export function writeReferralCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, "w");
  let buffer = csvRow(["externalId", "givenName", "familyName", "email", "phone", "countryOfOrigin", "currentCountry", "languages", "skills"]);
  for (let i = 1; i <= rows; i++) {
    const given = GIVEN[i % GIVEN.length] as string;
    const family = familyName(i * 7919);
    const withEmail = i % 4 !== 0;
    buffer += csvRow([
      `ext-${i}`,
      given,
      family,
      withEmail ? `person.${i}@example.org` : "",
      withEmail ? "" : `+38050${String(1_000_000 + (i % 9_000_000)).padStart(7, "0")}`,
      COUNTRIES[i % COUNTRIES.length],
      COUNTRIES[(i + 3) % COUNTRIES.length],
      "uk:C2;en:B1",
      `${SKILLS[i % SKILLS.length]};${SKILLS[(i + 2) % SKILLS.length]}`,
    ]);
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = "";
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
}
