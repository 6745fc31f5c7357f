import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latinSkeletons, nameWords, toLatinSkeleton } from "./transliterate";

/** Two names are alike when some reading of their skeletons is the same. */
function alike(a: string, b: string): boolean {
  const readings = latinSkeletons(b);
  return latinSkeletons(a).some((reading) => readings.includes(reading));
}

function expectAllAlike(names: string[]): void {
  const [first, ...rest] = names;
  for (const other of rest) expect(alike(first as string, other), `${first} ~ ${other}`).toBe(true);
}

describe("toLatinSkeleton", () => {
  it("meets Ukrainian, Russian and the usual romanisations of one name", () => {
    expectAllAlike(["Олександр Коваленко", "Oleksandr Kovalenko", "Olexandr Kowalenko", "Oleksander Kovalenko"]);
    expectAllAlike(["Александр Коваленко", "Aleksandr Kovalenko", "Alexander Kovalenko", "Alexandr Kowalenko"]);
    expectAllAlike(["Шевченко", "Shevchenko", "Schewtschenko", "Szewczenko", "Ševčenko"]);
    expectAllAlike(["Сергій", "Serhii", "Serhiy", "Serhij", "Sergii", "Сергей", "Sergey", "Sergei", "Sergej"]);
    expectAllAlike(["Дмитро", "Dmytro", "Дмитрий", "Dmitry", "Dmitrii", "Dmitrij", "Dmitriy"]);
    expectAllAlike(["Олег", "Oleh", "Oleg"]);
    expectAllAlike(["Ольга", "Olha", "Olga"]);
    expectAllAlike(["Ярослав", "Yaroslav", "Iaroslav", "Jaroslav", "Jarosław"]);
    expectAllAlike(["Юрій", "Yurii", "Yuriy", "Iurii", "Jurij", "Yuri"]);
    expectAllAlike(["Мар'яна", "Mariana", "Maryana", "Mar’yana"]);
    expectAllAlike(["Ірина Мельник", "Iryna Melnyk", "Ирина Мельник", "Irina Melnik"]);
  });

  it("meets Arabic script and its romanisations, without the article", () => {
    expectAllAlike(["محمد الأحمد", "Mohammad Al-Ahmad", "Muhammad al Ahmad", "Mohamed El-Ahmad", "Mohammed Al Ahmed"]);
    expectAllAlike(["عمر", "Omar", "Umar"]);
    expectAllAlike(["يوسف", "Yusuf", "Youssef", "Yousef", "Yosef", "Jusuf"]);
    expectAllAlike(["إبراهيم", "ابراهیم", "Ibrahim", "Ebrahim", "Ibraheem"]);
    expectAllAlike(["صالح", "Saleh", "Salih"]);
    expectAllAlike(["مروان", "Marwan"]);
    expectAllAlike(["مروة", "Marwa"]);
    expectAllAlike(["مصطفى", "Mustafa", "Mostafa", "Moustafa"]);
    expectAllAlike(["عائشة", "Aisha", "Ayesha", "Aishah"]);
    expectAllAlike(["خديجة", "Khadija", "Khadijah"]);
    expectAllAlike(["نور", "Noor", "Nour", "Nur"]);
  });

  it("reads Abd-al compounds the same however they are written", () => {
    expectAllAlike(["عبد الرحمن", "عبدالرحمن", "Abdul Rahman", "Abdulrahman", "Abd al-Rahman", "Abdurrahman", "Abdelrahman", "Abd-ur-Rahman"]);
    expectAllAlike(["عبدالله", "عبد الله", "Abdullah", "Abdallah", "Abdulla"]);
    expectAllAlike(["عبد العزيز", "Abdul Aziz", "Abdulaziz", "Abdelaziz"]);
  });

  it("meets Persian and Dari spellings, including ZWNJ and the silent final h", () => {
    expectAllAlike(["حسین احمدی", "Hossein Ahmadi", "Hussain Ahmady", "Husein Ahmadie"]);
    expectAllAlike(["فاطمه حسینی", "Fatemeh Hosseini", "Fatima Husseini", "Fatimah Hussaini", "فاطمة الحسيني"]);
    expectAllAlike(["ابراهیم‌زاده", "ابراهیمزاده", "Ebrahimzadeh", "Ibrahimzada", "Ebrahim-Zadeh"]);
    expectAllAlike(["موسوی", "Mousavi", "Musavi"]);
    expectAllAlike(["رضایی", "Rezaei", "Rezaie", "Rezayi"]);
    expectAllAlike(["Ahmad Shah", "Ahmadshah", "احمد شاه"]);
  });

  it("ignores case, accents, composition and compatibility forms", () => {
    expect(toLatinSkeleton("MOHAMMAD")).toBe(toLatinSkeleton("mohammad"));
    expect(toLatinSkeleton("Ｍｏｈａｍｍａｄ")).toBe(toLatinSkeleton("Mohammad")); // full-width
    expect(toLatinSkeleton("ﻣﺤﻤﺪ")).toBe(toLatinSkeleton("محمد")); // presentation forms from a PDF
    expect(toLatinSkeleton("مُحَمَّد")).toBe(toLatinSkeleton("محمد")); // harakat
    expect(toLatinSkeleton("José García")).toBe(toLatinSkeleton("Jose Garcia"));
    expect(toLatinSkeleton("Ї".normalize("NFD"))).toBe(toLatinSkeleton("Ї"));
  });

  it("keeps apart names that differ in their leading vowel or in ending on a vowel", () => {
    expect(alike("Olena", "Alina")).toBe(false);
    expect(alike("Олена", "Аліна")).toBe(false);
    expect(alike("Karim", "Karima")).toBe(false);
    expect(alike("كريم", "كريمة")).toBe(false);
    expect(alike("Oleksandr", "Oleksandra")).toBe(false);
    expect(alike("Ivanov", "Ivanova")).toBe(false);
    expect(alike("Ahmad", "Hamad")).toBe(false);
    expect(alike("Mohammad", "Mohammadi")).toBe(false);
    expect(alike("Kovalenko", "Kovalchuk")).toBe(false);
    expect(alike("Shevchenko", "Savchenko")).toBe(false);
  });

  // Honest limits: these are left to the given-name table (for given names) or to a reviewer.
  it("cannot separate names that differ only in vowels, nor join a/o spellings", () => {
    expect(alike("Hassan", "Hussein")).toBe(true); // h-s-n: the table separates them as given names
    expect(alike("Mohammad", "Mahmoud")).toBe(true); // m-h-m-d: likewise
    expect(alike("Oleksandr", "Aleksandr")).toBe(false); // the table joins them as given names
    expect(alike("Kateryna", "Ekaterina")).toBe(false); // likewise
    expect(alike("Osman", "Othman")).toBe(false); // th is t
    expect(alike("Ishaq", "إسحاق")).toBe(false); // "sh" is read as one sound
    expect(alike("Dawlat", "دولت")).toBe(false); // w is always a consonant (Polish Jarosław needs it)
    expect(alike("Abderrahmane", "Abdulrahman")).toBe(false); // French silent final e
  });

  it("spells Cyrillic by KMU 2010 for Ukrainian and ICAO for Russian", () => {
    const spell = (text: string) => nameWords(text).map((word) => word.spelling);
    expect(spell("Олександр Щербина")).toEqual(["oleksandr", "shcherbyna"]);
    expect(spell("Юрій Їжак")).toEqual(["yurii", "yizhak"]);
    expect(spell("Єва Яковенко")).toEqual(["yeva", "yakovenko"]);
    expect(spell("Згурський")).toEqual(["zghurskyi"]);
    expect(spell("Фёдор Соловьёв")).toEqual(["fedor", "solovev"]);
    expect(spell("Мар'яна")).toEqual(["mariana"]);
  });

  it("never throws, whatever the input", () => {
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: anyCodeUnit })), (text) => {
        expect(typeof toLatinSkeleton(text)).toBe("string");
      }),
      { numRuns: 2000 },
    );
  });

  it("writes Latin, Cyrillic and Arabic-script names in the skeleton alphabet only", () => {
    const letters = [..."abcdefghijklmnopqrstuvwxyzабвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإآىپچژکگی'- "];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 24 }), (chars) => {
        expect(toLatinSkeleton(chars.join(""))).toMatch(/^[aoe*J]?[bcdfhjklmnprstvxz]*-?$/);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not depend on letter case", () => {
    const letters = [..."abcdefghijklmnopqrstuvwxyzабвгґдеєжзиіїйклмнопрстуфхцчшщьюя "];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 24 }), (chars) => {
        const text = chars.join("");
        expect(toLatinSkeleton(text.toUpperCase())).toBe(toLatinSkeleton(text));
      }),
    );
  });
});
