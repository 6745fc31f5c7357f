// Pure checks over translation files, so the test can also prove that they catch problems.
import fs from "node:fs";
import path from "node:path";

export type Tree = { [key: string]: string | Tree };
export type Catalogue = Record<string, Record<string, Tree>>; // lng → ns → tree

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Values that are the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(["common:brand"]);

export function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[full] = value;
    else Object.assign(out, flatten(value, full));
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]).sort().join(",");

/** Keys as code uses them: plural forms collapse to their base key. */
export function baseKeys(catalogue: Catalogue, lng: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const [ns, tree] of Object.entries(catalogue[lng] ?? {})) {
    for (const key of Object.keys(flatten(tree))) {
      const base = `${ns}:${key.replace(PLURAL_SUFFIX, "")}`;
      keys.set(base, [...(keys.get(base) ?? []), `${ns}:${key}`]);
    }
  }
  return keys;
}

export function translationProblems(catalogue: Catalogue, reference = "en"): string[] {
  const problems: string[] = [];
  const ref = baseKeys(catalogue, reference);
  const refValues = Object.fromEntries(
    Object.entries(catalogue[reference] ?? {}).flatMap(([ns, tree]) => Object.entries(flatten(tree)).map(([k, v]) => [`${ns}:${k}`, v])),
  );
  for (const lng of Object.keys(catalogue)) {
    const values = Object.fromEntries(
      Object.entries(catalogue[lng] ?? {}).flatMap(([ns, tree]) => Object.entries(flatten(tree)).map(([k, v]) => [`${ns}:${k}`, v])),
    );
    const keys = baseKeys(catalogue, lng);
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    for (const [base, forms] of ref) {
      const plural = forms.some((f) => PLURAL_SUFFIX.test(f));
      const expected = plural ? categories.map((c) => `${base}_${c}`) : [base];
      for (const key of expected) {
        const value = values[key];
        if (value === undefined) problems.push(`${lng}: missing ${key}`);
        else if (!value.trim()) problems.push(`${lng}: empty ${key}`);
        else {
          const english = refValues[plural ? `${base}_other` : base] ?? "";
          if (lng !== reference && value === english && !SAME_IN_EVERY_LANGUAGE.has(base))
            problems.push(`${lng}: untranslated ${key}`);
          if (placeholders(value) !== placeholders(english) && !(plural && placeholders(value) === ""))
            problems.push(`${lng}: placeholders differ in ${key}`);
        }
      }
    }
    for (const base of keys.keys()) if (!ref.has(base)) problems.push(`${lng}: extra ${base} (not in ${reference})`);
  }
  return problems;
}

export function loadCatalogue(localesDir: string, languages: readonly string[], namespaces: readonly string[]): Catalogue {
  const catalogue: Catalogue = {};
  for (const lng of languages) {
    catalogue[lng] = {};
    for (const ns of namespaces) {
      const file = path.join(localesDir, lng, `${ns}.json`);
      catalogue[lng][ns] = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Tree) : {};
    }
  }
  return catalogue;
}

/** Every `"ns:key"` string literal in the given source files. */
export function keysUsedInCode(files: string[], namespaces: readonly string[]): Set<string> {
  const pattern = new RegExp(`["'\`]((?:${namespaces.join("|")}):[a-zA-Z0-9_.]+)["'\`]`, "g");
  const used = new Set<string>();
  for (const file of files) for (const match of fs.readFileSync(file, "utf8").matchAll(pattern)) used.add(match[1] as string);
  return used;
}

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name) || full.includes(`${path.sep}generated${path.sep}`)) return [];
    return [full];
  });
}
