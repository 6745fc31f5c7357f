import { nameWords, skeletonFromSounds, skeletonOfWords, skeletonVariants, type NameWord } from "./transliterate";

/**
 * Given names that are the same name in the program's languages, first the canonical key. The
 * skeleton already unifies most romanisations (Serhii/Sergey, Yusuf/Youssef, Hossein/Hussain);
 * this table covers what it cannot: a different first letter (Mykola/Nikolai, Oleksandr/Alexander),
 * an English or French form (Andrew, Joseph, Catherine), a dropped final vowel (Petro/Petr), and
 * names whose skeletons collide with another name's (Mohammad/Mahmoud are both m-h-m-d, Hassan/
 * Hussein both h-s-n), which therefore need their Arabic spellings listed.
 *
 * Diminutives (Sasha — for Oleksandr and Oleksandra alike) and names that are related but not
 * written the same in documents (Yurii/George) are left out on purpose: a false "same name" costs
 * a reviewer's time. Male and female forms are separate classes (Oleksandr/Oleksandra): twins
 * share a family name and a date of birth.
 */
export const GIVEN_NAME_CLASSES: ReadonlyArray<readonly [string, ...string[]]> = [
  // Ukrainian / Russian, men
  ["oleksandr", "olexandr", "oleksander", "olexander", "aleksandr", "alexandr", "aleksander", "alexander", "alexandre", "aleksandar"],
  ["oleksii", "oleksiy", "oleksij", "olexii", "olexiy", "aleksei", "alexei", "aleksey", "alexey", "aleksej", "alexej"],
  ["mykola", "mikola", "nikolai", "nikolay", "nikolaj", "nicolai", "mikolaj", "nicholas", "nicolas", "nikolas"],
  ["dmytro", "dmitro", "dmitrii", "dmitriy", "dmitry", "dmitri", "dmitrij", "dimitri", "dimitry"],
  ["serhii", "serhiy", "serhij", "sergii", "sergiy", "sergei", "sergey", "sergej", "serge"],
  ["andrii", "andriy", "andrij", "andrei", "andrey", "andrej", "andrew", "andre"],
  ["yurii", "yuriy", "yurij", "iurii", "yuri", "yury", "jurij", "juri", "iouri"],
  ["volodymyr", "wolodymyr", "volodimir", "vladimir", "wladimir"],
  ["ihor", "igor"],
  ["oleh", "oleg"],
  ["yevhen", "yevgen", "ievhen", "evhen", "yevgeny", "yevgenii", "yevgeniy", "evgeny", "evgenii", "evgeniy", "evgenij", "jewgenij", "eugene", "eugen"],
  ["vasyl", "vasil", "vasily", "vasiliy", "vasilii", "vasilij", "wassili", "wasyl"],
  ["mykhailo", "mykhaylo", "mykhajlo", "mychajlo", "mikhail", "mihail", "michail", "michael"],
  ["pavlo", "pavel", "paul", "pawel", "pawlo"],
  ["petro", "pyotr", "petr", "peter", "piotr"],
  ["bohdan", "bogdan"],
  ["vitalii", "vitaliy", "vitaly", "vitalij", "witalij"],
  ["anatolii", "anatoliy", "anatoly", "anatolij"],
  ["viktor", "victor", "wiktor"],
  ["maksym", "maksim", "maxim", "maxym"],
  ["artem", "artyom", "artiom"],
  ["yaroslav", "iaroslav", "jaroslav", "jaroslaw"],
  ["valerii", "valeriy", "valery", "valerij"],
  ["hennadii", "hennadiy", "gennadii", "gennadiy", "gennady", "gennadij"],
  ["heorhii", "heorhiy", "georgii", "georgiy", "georgy", "georgij", "george"],
  ["kostiantyn", "kostyantyn", "konstantin", "konstantyn", "constantin", "constantine"],
  ["denys", "denis"],
  ["borys", "boris"],
  ["illia", "illya", "ilya", "ilia", "ilja"],
  ["mykyta", "nikita", "mikita"],
  ["fedir", "fyodor", "fedor", "feodor"],
  ["hryhorii", "hryhoriy", "grigorii", "grigoriy", "grigory", "gregory"],
  ["kyrylo", "kirill", "kiril", "cyril"],
  ["tymofii", "tymofiy", "timofei", "timofey", "timothy"],
  ["danylo", "daniil", "danil", "daniel", "danial"],
  ["vadym", "vadim"],
  ["matvii", "matviy", "matvei", "matvey"],
  // Ukrainian / Russian, women
  ["oleksandra", "olexandra", "aleksandra", "alexandra"],
  ["olena", "elena", "yelena", "ielena", "jelena", "helen", "helena"],
  ["alina", "alyna"],
  ["olha", "olga"],
  ["iryna", "irina"],
  ["kateryna", "katerina", "ekaterina", "yekaterina", "yekateryna", "katarzyna", "catherine", "katherine", "kathryn", "katharina", "caterina"],
  ["nataliia", "nataliya", "natalia", "natalya", "natalja", "natalija", "natali", "natalie", "nathalie"],
  ["tetiana", "tetyana", "tatiana", "tatyana", "tatjana", "tatsiana"],
  ["svitlana", "svetlana", "swetlana"],
  ["liudmyla", "lyudmyla", "liudmila", "lyudmila", "ludmila", "ludmilla"],
  ["halyna", "galyna", "galina", "halina"],
  ["valentyna", "valentina"],
  ["larysa", "larisa", "larissa"],
  ["yuliia", "yuliya", "iuliia", "yulia", "julia", "juliya", "julija", "ioulia"],
  ["viktoriia", "viktoriya", "viktoria", "victoria", "wiktoria"],
  ["anastasiia", "anastasiya", "anastasia", "anastassia"],
  ["dariia", "dariya", "daria", "darya"],
  ["sofiia", "sofiya", "sofia", "sophia", "sophie"],
  ["khrystyna", "kristina", "christina", "krystyna", "khristina"],
  ["kseniia", "kseniya", "ksenia", "xenia"],
  ["nadiia", "nadiya", "nadia", "nadezhda", "nadya"],
  ["anna", "hanna", "ganna", "ann", "anne"],
  ["mariana", "maryana", "marjana", "marianna"],
  // Shared between the Bible, the Quran and Slavic calendars
  ["maryam", "mariam", "meryem", "miriam", "mariia", "mariya", "maria", "marie", "mary", "مريم", "مریم"],
  ["yusuf", "yousef", "youssef", "yousif", "yousuf", "yusef", "yosef", "jusuf", "joseph", "josef", "jozef", "iosif", "yosyp", "osip", "يوسف"],
  ["ibrahim", "ebrahim", "ibraheem", "ibrahem", "brahim", "abraham", "avraham", "إبراهيم", "ابراهيم", "ابراهیم"],
  ["ismail", "ismael", "esmail", "ismayil", "ismaeel", "ishmael", "إسماعيل", "اسماعيل", "اسماعیل"],
  ["yakiv", "iakiv", "yakov", "iakov", "jakov", "jakob", "jacob", "jakub", "yaqub", "yacoub", "yaqoob", "yakub", "yaqoub", "يعقوب"],
  ["musa", "mousa", "moussa", "moses", "موسى", "موسی"],
  ["isa", "issa", "eisa", "عيسى", "عیسی"],
  ["suleiman", "sulaiman", "sulayman", "suleyman", "soliman", "solomon", "سليمان", "سلیمان"],
  ["dawood", "dawud", "daoud", "daud", "davood", "davoud", "david", "داود", "داوود"],
  ["ishaq", "ishak", "eshagh", "ishaaq", "isaac", "إسحاق", "اسحاق"],
  ["yunus", "younes", "younis", "yunes", "يونس"],
  ["yahya", "yahia", "yehia", "yehya", "يحيى", "یحیی"],
  ["zakaria", "zakariya", "zakariyya", "zacharia", "زكريا", "زکریا"],
  // Arabic / Persian / Dari / Pashto, men
  ["muhammad", "mohammad", "mohammed", "mohamed", "mohamad", "muhammed", "mouhamad", "mouhammad", "muhamad", "mohd", "muhd", "mehmet", "mehmed", "محمد"],
  ["mahmoud", "mahmud", "mahmood", "mehmood", "mahmut", "محمود"],
  ["ahmad", "ahmed", "ahmet", "achmed", "أحمد", "احمد"],
  ["mustafa", "mostafa", "moustafa", "mustapha", "mostapha", "مصطفى", "مصطفی"],
  ["omar", "umar", "omer", "عمر"],
  ["osman", "othman", "uthman", "usman", "عثمان"],
  ["ali", "aly", "علي", "علی"],
  ["hassan", "hasan", "حسن"],
  ["hussein", "hussain", "husain", "husein", "hussien", "husayn", "huseyin", "hossein", "hosein", "hossain", "حسين", "حسین"],
  ["khalid", "khaled", "halid", "خالد"],
  ["abdullah", "abdallah", "abdulla", "abdollah", "abdellah", "عبدالله", "عبد الله"],
  ["yasser", "yasir", "yaser", "yassir", "jasser", "ياسر", "یاسر"],
  ["reza", "rida", "ridha", "redha", "رضا"],
  ["mehdi", "mahdi", "مهدي", "مهدی"],
  ["taha", "طه"], // Arabic writes the final h, which the skeleton reads as optional
  ["ayoub", "ayub", "ayyub", "eyup", "أيوب", "ایوب"],
  // Arabic / Persian, women
  ["fatima", "fatimah", "fatma", "fatemeh", "fatemah", "fatme", "فاطمة", "فاطمه"],
  ["aisha", "aysha", "ayesha", "aicha", "aishah", "عائشة", "عایشه"],
  ["khadija", "khadijah", "khadidja", "khadijeh", "hatice", "خديجة", "خدیجه"],
  ["zainab", "zaynab", "zeinab", "zeynep", "zenab", "زينب", "زینب"],
  ["amina", "aminah", "ameena", "آمنة", "أمينة", "امینه"],
  ["nour", "noor", "nur", "نور"],
  ["layla", "leila", "laila", "leyla", "ليلى", "لیلا"],
  ["zahra", "zahraa", "zehra", "زهراء", "زهرا"],
  ["hana", "hanaa", "هناء", "هنا"],
  ["sara", "sarah", "sarra", "سارة", "سارا"],
];

const bySpelling = new Map<string, string>();
/** Classes per skeleton; a few skeletons belong to several (Hassan/Hussein are both h-s-n). */
const bySkeleton = new Map<string, string[]>();

for (const [canonical, ...variants] of GIVEN_NAME_CLASSES) {
  for (const variant of [canonical, ...variants]) {
    const words = nameWords(variant);
    const first = words[0];
    if (words.length === 1 && first) {
      if (!bySpelling.has(first.spelling)) bySpelling.set(first.spelling, canonical);
      if (first.withArticle && !bySpelling.has(first.withArticle.spelling)) bySpelling.set(first.withArticle.spelling, canonical);
    }
    for (const skeleton of skeletonVariants(skeletonOfWords(words))) {
      const classes = bySkeleton.get(skeleton);
      if (!classes) bySkeleton.set(skeleton, [canonical]);
      else if (!classes.includes(canonical)) classes.push(canonical);
    }
  }
}

/** The canonical key of one spelling, when the table knows it. */
export function canonicalGivenName(word: NameWord): string | null {
  return bySpelling.get(word.spelling) ?? null;
}

/**
 * "=canonical" for each class the skeleton belongs to, otherwise the skeleton itself. A spelling
 * the table does not list, whose skeleton two classes share ("Mouhammed": Mohammad or Mahmoud?),
 * gets both: a reviewer can dismiss a false flag, but not see a missed one.
 */
function keysForSkeleton(keys: string[], skeleton: string): void {
  for (const variant of skeletonVariants(skeleton)) {
    const classes = bySkeleton.get(variant);
    if (classes) for (const canonical of classes) keys.push("=" + canonical);
    else keys.push(variant);
  }
}

function keysForWord(keys: string[], word: NameWord): void {
  const canonical = bySpelling.get(word.spelling);
  if (canonical !== undefined) keys.push("=" + canonical);
  else keysForSkeleton(keys, skeletonFromSounds(word.sounds));
}

/** "Abd" on its own (after Abdul-/عبدال splitting): the name is Abd + the next word. */
function isAbdWord(word: NameWord): boolean {
  return word.sounds === "abd" || word.sounds === "*bd";
}

/**
 * Keys for a given name (words without particles): the first word's canonical key or skeleton
 * readings — Abd + the next word for Abdul Aziz — and, for several words, the skeleton of all of
 * them joined, so that "Mohammad Reza" meets "Mohammadreza". Keys of canonical names start with
 * "=", which no skeleton contains.
 */
export function givenNameKeys(words: readonly NameWord[]): string[] {
  const first = words[0];
  if (!first) return [];
  const keys: string[] = [];
  const second = words[1];
  if (second && isAbdWord(first)) {
    keysForSkeleton(keys, skeletonFromSounds(first.sounds + second.sounds));
  } else {
    keysForWord(keys, first);
    if (first.withArticle) keysForWord(keys, first.withArticle);
  }
  if (words.length > 1) keysForSkeleton(keys, skeletonOfWords(words));
  return keys.length > 1 ? [...new Set(keys)] : keys;
}
