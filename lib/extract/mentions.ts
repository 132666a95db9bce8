/**
 * Where a text names people and companies. Recorded aliases first (any script, katakana spelled another
 * way included); then new names by their shape: katakana runs joined by ・, Latin capitalized sequences,
 * Chinese transliterations joined by ·, names followed by 氏/さん/先生 or preceded by a title; then the
 * short forms ("ムラティ氏", "Murati") of full names the text has already given.
 */
import { normalizeName } from "@/lib/domain/names";
import { LEXICONS, type Lexicon } from "./lexicon";
import { findAliases, matchName, type NameIndex } from "./known-names";
import type { ExtractLanguage, KnownCompany, KnownPerson } from "./types";

export interface PersonMention {
  start: number;
  end: number;
  /** as written */
  text: string;
  /** one key per person across the text: a recorded person's id or name key, or the new name's key */
  key: string;
  /** the fullest form of the name the text gives */
  fullName: string;
  known: { person: KnownPerson; via: "alias" | "similar" } | null;
}

export interface OrgMention {
  start: number;
  end: number;
  text: string;
  key: string;
  known: KnownCompany | null;
}

const KATA = "[\\u30a1-\\u30fa][\\u30a1-\\u30fa\\u30fc]*";
const HAN = "[\\u4e00-\\u9fff]";
const CAP = "[A-Z][a-z'’\\-]+";
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
/** characters that end a Chinese transliteration: verbs and particles that follow a name */
const ZH_STOP = /[宣布已于在将也和与的是被因从表示称说离辞加出回重担任创等、，。及并曾还则就都又而对向为让把去今上本昨近前后日月年提递相均分先]/;

const personKey = (known: KnownPerson | null, fullName: string) =>
  known ? `p:${known.id ?? normalizeName(known.name)}` : `n:${normalizeName(fullName)}`;

interface Candidate {
  start: number;
  end: number;
  text: string;
}

function overlaps(a: { start: number; end: number }, list: { start: number; end: number }[]) {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function stripTitles(text: string, start: number, lexicon: Lexicon): Candidate {
  let t = text;
  let s = start;
  for (let changed = true; changed;) {
    changed = false;
    for (const title of [...lexicon.titlesBefore].sort((a, b) => b.length - a.length)) {
      if (t.startsWith(title) && t.length > title.length) {
        t = t.slice(title.length).replace(/^\s+/, (m) => ((s += m.length), ""));
        s += title.length;
        changed = true;
      }
    }
  }
  return { start: s, end: s + t.length, text: t };
}

function japaneseCandidates(text: string, lexicon: Lexicon): Candidate[] {
  const stop = new Set(lexicon.nameStopwords);
  const honor = lexicon.honorificsAfter.filter((h) => h !== "社長" && h !== "会長").join("|");
  const out: Candidate[] = [];
  const isStop = (parts: string[]) => parts.some((p) => stop.has(p) || [...stop].some((w) => w.length >= 4 && p.includes(w)));
  // ミーラ・モラティ, ジャン ライク氏 (spaces only when a honorific follows)
  for (const m of text.matchAll(new RegExp(`${KATA}(?:[・=＝]${KATA})+|${KATA}(?: ${KATA})+(?=\\s*(?:${honor}))`, "g"))) {
    const parts = m[0].split(/[・=＝ ]/);
    if (isStop(parts) || /^[社]/.test(text[m.index! + m[0].length] ?? "")) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }
  // マスク氏, 山田氏, Dario 氏
  for (const m of text.matchAll(new RegExp(`(${KATA}|${HAN}{2,4}|${CAP})(?=\\s*(?:${honor}))`, "g"))) {
    const c = /^[\u4e00-\u9fff]/.test(m[1]) ? stripTitles(m[1], m.index!, lexicon) : { start: m.index!, end: m.index! + m[1].length, text: m[1] };
    if (stop.has(c.text) || /^同|^彼/.test(c.text) || c.text.length < 2 || overlaps(c, out)) continue;
    if (text[c.start - 1] && /[\u30a1-\u30fa\u30fc・]/.test(text[c.start - 1])) continue;
    out.push(c);
  }
  return out;
}

function latinCandidates(text: string, lexicon: Lexicon): Candidate[] {
  const stop = new Set([...lexicon.nameStopwords, ...LEXICONS.en.nameStopwords]);
  const suffixes = new Set(lexicon.orgSuffixes);
  const out: Candidate[] = [];
  const re = new RegExp(`(?<![A-Za-z])${CAP}(?:\\s(?:[A-Z]\\.\\s)?${CAP})+(?![A-Za-z])`, "g");
  for (const m of text.matchAll(re)) {
    // split the run at words that are never part of a name, keep pieces of two or three words
    const tokens = [...m[0].matchAll(/[A-Z][a-z'’\-]+|[A-Z]\./g)];
    let piece: RegExpMatchArray[] = [];
    const flush = () => {
      const words = piece.filter((t) => !t[0].endsWith("."));
      if (words.length >= 2 && words.length <= 4 && !suffixes.has(words[words.length - 1][0])) {
        const start = m.index! + piece[0].index!;
        let end = m.index! + piece[piece.length - 1].index! + piece[piece.length - 1][0].length;
        let t = text.slice(start, end);
        const possessive = t.match(/['’]s?$/);
        if (possessive) {
          t = t.slice(0, -possessive[0].length);
          end -= possessive[0].length;
        }
        out.push({ start, end, text: t });
      }
      piece = [];
    };
    for (const t of tokens) {
      if (stop.has(t[0].replace(/['’]s?$/, ""))) flush();
      else piece.push(t);
    }
    flush();
  }
  return out;
}

function chineseCandidates(text: string, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  // 米拉·穆拉蒂: the first part is cut after titles and particles, the last before the verb that follows
  for (const m of text.matchAll(new RegExp(`${HAN}{1,12}(?:[·•・]${HAN}{1,10})+`, "g"))) {
    const parts = m[0].split(/[·•・]/);
    let first = parts[0];
    // what comes before the name: a title ("前研究员米拉"), particles
    for (const title of lexicon.titlesBefore) {
      const at = first.lastIndexOf(title);
      if (at >= 0 && at + title.length < first.length) first = first.slice(at + title.length);
    }
    while (first.length > 1 && ZH_STOP.test(first[0])) first = first.slice(1);
    if (first.length > 4) first = first.slice(-3);
    let last = parts[parts.length - 1];
    const cut = last.search(ZH_STOP);
    if (cut > 0) last = last.slice(0, cut);
    for (const mv of lexicon.movements.flatMap((e) => e.words)) {
      const at = last.indexOf(mv);
      if (at > 0) last = last.slice(0, at);
    }
    if (last.length > 5) last = last.slice(0, 4);
    const name = [first, ...parts.slice(1, -1), last].join(m[0].match(/[·•・]/)![0]);
    const start = m.index! + m[0].indexOf(name);
    if (start >= m.index!) out.push({ start, end: start + name.length, text: name });
  }
  // 首席技术官张伟, 张伟先生
  const titles = [...lexicon.titlesBefore].sort((a, b) => b.length - a.length).join("|");
  const honor = lexicon.honorificsAfter.join("|");
  for (const m of text.matchAll(new RegExp(`(?:${titles})([${SURNAMES}]${HAN}{1,2})|([${SURNAMES}]${HAN}{1,2})(?=${honor})`, "g"))) {
    let name = m[1] ?? m[2];
    const cut = name.slice(1).search(ZH_STOP);
    if (cut >= 0) name = name.slice(0, cut + 1);
    if (name.length < 2) continue;
    const start = m.index! + m[0].indexOf(name);
    const c = { start, end: start + name.length, text: name };
    if (!overlaps(c, out)) out.push(c);
  }
  return out;
}

const ROLE_ACRONYM = /^(?:CEO|CTO|CFO|COO|CPO|VP|AI|AGI|GPU|API|GPT|LLM|PR|HR|IPO|USA?|UK|EU|TV|PC)$/;

/**
 * Organizations the text names without them being recorded: words with a capital inside (OpenAI,
 * DeepMind), Latin words in Japanese or Chinese prose, katakana before 社, English words after "at",
 * "from", "joined"; then every other occurrence of the same word, in any case ("openai").
 */
function addOrgCandidates(text: string, language: ExtractLanguage, lexicon: Lexicon, people: PersonMention[], orgs: OrgMention[]) {
  const forms = new Set<string>();
  /** a short form and the full name it stands for ("Vantage" → "Vantage Robotics"): one key */
  const sameAs = new Map<string, string>();
  const stop = new Set(
    [...lexicon.nameStopwords, ...LEXICONS.en.nameStopwords].filter(
      (w) => !["OpenAI", "Google", "Anthropic", "Microsoft", "Apple", "Amazon", "Meta", "Tesla", "Nvidia", "Twitter", "Facebook"].includes(w),
    ),
  );
  for (const m of text.matchAll(/(?<![A-Za-z])[A-Za-z][a-z]*[A-Z][A-Za-z0-9]*(?![A-Za-z])/g)) forms.add(m[0]);
  if (language !== "en") {
    for (const m of text.matchAll(/(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:\.[A-Za-z]+)?(?![A-Za-z0-9])/g)) forms.add(m[0]);
    // in Japanese or Chinese prose a Latin word is a name of something, often a company ("openai")
    for (const m of text.matchAll(/(?<![A-Za-z0-9])[a-z][a-z0-9]{3,}(?![A-Za-z0-9])/g)) forms.add(m[0]);
    for (const m of text.matchAll(new RegExp(`(${KATA})(?=社)`, "g"))) forms.add(m[1]);
    for (const m of text.matchAll(new RegExp(`(${HAN}{2,6})(?=公司|集团)`, "g"))) forms.add(m[1]);
  } else {
    for (const m of text.matchAll(
      /\b(?:at|from|joined|joins|left|leaves|leaving|quit|of|for|rival|startup)\s+([A-Z][A-Za-z0-9&.-]*(?:\s+(?:Inc\.?|Corp\.?|Labs?|AI|Group|Technologies))?)/g,
    ))
      forms.add(m[1]);
    for (const m of text.matchAll(
      /\b([A-Z][A-Za-z0-9&-]+)(?=['’]s\s+(?:board|chief|CEO|CTO|CFO|president|co-?founder|head|vice|former|new|top|research|product))/g,
    ))
      forms.add(m[1]);
    // "Vantage Robotics", "Northwind AI": capitalized words ending in a company word, and the first word alone
    const suffixes = lexicon.orgSuffixes.map((w) => w.replace(/[.]/g, "\\.")).join("|");
    for (const m of text.matchAll(new RegExp(`\\b((?:[A-Z][A-Za-z0-9&-]+\\s+){1,3})(?:${suffixes})(?![A-Za-z])`, "g"))) {
      forms.add(m[0].trim());
      forms.add(m[1].trim().split(/\s+/)[0]);
      sameAs.set(m[1].trim().split(/\s+/)[0], m[0].trim());
    }
    // a capitalized word used three times or more, not at a sentence start and never in a name, is most likely a company
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/(?<![.!?\n]\s*)(?<=[a-z,;:]\s+|\()[A-Z][a-z]+[A-Za-z]*\b/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    for (const [word, n] of counts) if (n >= 3) forms.add(word);
  }
  const nameParts = new Set(people.flatMap((p) => p.text.split(/[\s・·]+/)));
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (nameParts.has(form)) continue;
    if (stop.has(form) || ROLE_ACRONYM.test(form) || form.length < 2 || lexicon.roles.some((r) => r.words.includes(form))) continue;
    const latin = /^[A-Za-z]/.test(form);
    const hay = latin ? text.toLowerCase() : text;
    const needle = latin ? form.toLowerCase() : form;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const c = { start: at, end: at + form.length };
      if (latin && (/[A-Za-z0-9]/.test(text[at - 1] ?? "") || /[A-Za-z0-9]/.test(text[c.end] ?? ""))) continue;
      if (overlaps(c, people) || overlaps(c, orgs)) continue;
      orgs.push({ ...c, text: text.slice(c.start, c.end), key: `c:${normalizeName(sameAs.get(form) ?? form)}`, known: null });
    }
  }
}

export interface Mentions {
  people: PersonMention[];
  orgs: OrgMention[];
}

/** Every person and company the text names, in text order, none overlapping. */
export function findMentions(
  text: string,
  language: ExtractLanguage,
  lexicon: Lexicon,
  peopleIndex: NameIndex<KnownPerson>,
  companyIndex: NameIndex<KnownCompany>,
  destinationSpans: Candidate[],
): Mentions {
  const orgs: OrgMention[] = findAliases(companyIndex, text).map((h) => ({
    start: h.start,
    end: h.end,
    text: h.alias,
    key: `c:${h.entity.id ?? normalizeName(h.entity.name)}`,
    known: h.entity,
  }));
  for (const d of destinationSpans) if (!overlaps(d, orgs)) orgs.push({ ...d, key: `c:${normalizeName(d.text)}`, known: null });
  const people: PersonMention[] = [];
  const push = (c: Candidate, known: PersonMention["known"], fullName = c.text) => {
    if (overlaps(c, people) || overlaps(c, orgs)) return;
    if (matchName(companyIndex, c.text) || lexicon.nameStopwords.includes(c.text)) return;
    people.push({ ...c, key: personKey(known?.person ?? null, known ? known.person.name : fullName), fullName, known });
  };
  for (const h of findAliases(peopleIndex, text)) push({ start: h.start, end: h.end, text: h.alias }, { person: h.entity, via: "alias" });
  const shaped = [
    ...(language === "ja" ? japaneseCandidates(text, lexicon) : []),
    ...(language === "zh" ? chineseCandidates(text, lexicon) : []),
    ...latinCandidates(text, lexicon),
  ].sort((a, b) => b.text.length - a.text.length);
  for (const c of shaped) {
    const m = matchName(peopleIndex, c.text);
    push(c, m ? { person: m.entity, via: m.via } : null);
  }

  addOrgCandidates(text, language, lexicon, people, orgs);

  // short forms of full names given in the text: the last part, written alone
  const byLast = new Map<string, PersonMention>();
  for (const p of people) {
    const parts = p.text.split(/[・·•=＝\s]+/).filter(Boolean);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1];
    if ([...last].length >= 2 && !byLast.has(last)) byLast.set(last, p);
  }
  // a Chinese name given once with its title ("首席技术官李明") is the same person when written again alone
  for (const p of people) if (/^[\u4e00-\u9fff]{2,3}$/.test(p.text) && !byLast.has(p.text)) byLast.set(p.text, p);
  // a Latin first name alone ("Dario") when one person of the text has it
  const firsts = new Map<string, PersonMention | null>();
  for (const p of people) {
    const parts = p.text.split(/\s+/);
    if (parts.length < 2 || !/^[A-Z][a-z]{3,}$/.test(parts[0])) continue;
    const had = firsts.get(parts[0]);
    firsts.set(parts[0], had === undefined || had?.key === p.key ? p : null);
  }
  for (const [first, p] of firsts) if (p && !byLast.has(first)) byLast.set(first, p);
  for (const [last, full] of byLast) {
    const latin = /^[A-Za-z]/.test(last);
    for (let at = text.indexOf(last); at >= 0; at = text.indexOf(last, at + 1)) {
      const c = { start: at, end: at + last.length, text: last };
      const before = text[at - 1] ?? "";
      const after = text[c.end] ?? "";
      if (latin ? /[A-Za-z]/.test(before) || /[a-z]/.test(after) : /[\u30a1-\u30fa\u30fc]/.test(before) || /[\u30a1-\u30fa\u30fc]/.test(after))
        continue;
      if (overlaps(c, people) || overlaps(c, orgs)) continue;
      people.push({ ...c, key: full.key, fullName: full.known ? full.known.person.name : full.fullName, known: full.known });
    }
  }
  // a short form found by its honorific ("ムラティ氏") is the person whose full name ends with it
  for (const p of people) {
    const full = !p.known && !/[・·•=＝\s]/.test(p.text) ? byLast.get(p.text) : undefined;
    if (full && full !== p) {
      p.key = full.key;
      p.known = full.known;
      p.fullName = full.known ? full.known.person.name : full.fullName;
    }
  }
  // a new person's short form found alone first keeps the full name found later
  const full = new Map<string, string>();
  for (const p of people) if (!full.has(p.key) || full.get(p.key)!.length < p.fullName.length) full.set(p.key, p.fullName);
  for (const p of people) p.fullName = full.get(p.key)!;
  return { people: people.sort((a, b) => a.start - b.start), orgs: orgs.sort((a, b) => a.start - b.start) };
}
