/**
 * The local, deterministic extractor: no network, no model. For each sentence with a movement word it
 * ties the people named to the nearest movement word, and reads the company, destination, role and date
 * around it; the excerpt is the sentence itself, the context the neighbouring sentence a date or company
 * came from. See docs/decisions/0050-article-extractor.md.
 */
import { splitSentences, type Sentence } from "@/lib/domain/sentences";
import { normalizeName } from "@/lib/domain/names";
import type { EventKind } from "@/lib/domain/vocabulary";
import { findDates, readPublished, type FoundDate } from "./dates";
import { proposalFingerprint } from "./fingerprint";
import { indexCompanies, indexPeople } from "./known-names";
import { detectLanguage } from "./language";
import { LEXICONS, type Lexicon } from "./lexicon";
import { findMentions, type OrgMention, type PersonMention } from "./mentions";
import { compileMovements, findDestinations, findTriggers, type DestinationSpan, type Trigger } from "./movements";
import type { ExtractContext, ExtractInput, ExtractResult, ExtractLanguage, Proposal, ProposedCompany, RecordedEvent } from "./types";

interface Span {
  start: number;
  end: number;
}
const inside = (s: Span, range: Span) => s.start >= range.start && s.end <= range.end;
const between = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);

/** The sentence without surrounding whitespace: an exact substring of the text. */
function trimmed(text: string, s: Sentence): Sentence {
  const lead = s.text.length - s.text.trimStart().length;
  const body = s.text.trim();
  return { text: body, start: s.start + lead, end: s.start + lead + body.length };
}

/** words before a company that make it someone's former employer */
const FORMER: Record<ExtractLanguage, RegExp> = {
  en: /(?:previously|formerly|once|ex-|earlier)\s*(?:at|of|with)?\s*(?:the\s+)?$|\bfrom\s+(?:the\s+)?$/i,
  ja: /(?:元|前|出身の?|から)$/,
  zh: /(?:前|原|来自|曾在|曾任职于?)$/,
};

/** One organization written two ways ("Northwind", "Northwind AI"; "openai", "OpenAI"). */
function sameOrg(a: OrgMention, b: OrgMention): boolean {
  if (a.key === b.key) return true;
  const [x, y] = [normalizeName(a.known?.name ?? a.text), normalizeName(b.known?.name ?? b.text)];
  return Math.min(x.length, y.length) >= 4 && (x.startsWith(y) || y.startsWith(x));
}

/** The company the text is about: the organization it names most (recorded ones and the title count double). */
function mainOrg(orgs: OrgMention[], title: string | undefined): OrgMention | null {
  const score = new Map<string, { n: number; org: OrgMention }>();
  for (const o of orgs) {
    const entry = score.get(o.key) ?? { n: 0, org: o };
    entry.n += o.known ? 2 : 1;
    if (title && title.toLowerCase().includes(o.text.toLowerCase())) entry.n += 1;
    score.set(o.key, entry);
  }
  const best = [...score.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n >= 2 ? best.org : null;
}

function companyOf(org: OrgMention, fullestOrg: Map<string, string>): ProposedCompany {
  if (org.known)
    return {
      name: org.known.name,
      aliases: org.known.aliases.includes(org.text) || org.known.name === org.text ? [] : [org.text],
      known: { id: org.known.id, name: org.known.name },
    };
  const name = fullestOrg.get(org.key) ?? org.text;
  return { name, aliases: name === org.text ? [] : [org.text], known: null };
}

function destinationOf(
  span: DestinationSpan,
  orgs: OrgMention[],
  fullestOrg: Map<string, string>,
): ProposedCompany & { relation: "joined" | "founded" } {
  const org = orgs.find((o) => o.start === span.start && o.end === span.end) ?? orgs.find((o) => inside(o, span) || inside(span, o));
  const company = org ? companyOf(org, fullestOrg) : { name: span.text, aliases: [], known: null };
  return { ...company, relation: span.founded ? "founded" : "joined" };
}

/** the end of a Japanese relative clause between a verb and the name it describes: "…した科学者の " */
const RELATIVE_CLAUSE = /^(?:し|さ)?(?:た|ていた|れた|した)(?![^、。，]*(?:た|とき|時|後|際|。))[^、。，]{0,16}$/;

/** Names listed together ("A、B氏と C氏", "A, B and C") share the verb that follows the list. */
const LISTED = /^(?:氏|さん|先生|博士)?\s*(?:[、，,・]|と|や|及び|および|和|与|及|and\b|&)/;
const LISTED_EN = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)/;

/** For each person in the sentence, the movement words that are about them. */
function assign(people: PersonMention[], triggers: Trigger[], text: string, language: ExtractLanguage): [PersonMention, Trigger][] {
  const pairs: [PersonMention, Trigger][] = [];
  // "マスク氏に引き抜かれた": the one named before a passive verb with に is its agent, not its subject
  const passive = (t: Trigger) => language === "ja" && /^(?:か|さ)?れ/.test(text.slice(t.end, t.end + 2));
  const agentOf = (q: PersonMention, t: Trigger) =>
    passive(t) && /^(?:氏|さん)?(?:に|によって)/.test(text.slice(q.end, q.end + 6)) && t.start > q.end;
  /** no one else named between p and the trigger, unless listed with p */
  const clear = (p: PersonMention, t: Trigger) => {
    if (agentOf(p, t)) return false;
    const lo = Math.min(p.end, t.end);
    const hi = Math.max(p.start, t.start);
    const chain = people.filter((q) => q !== p && q.start >= lo && q.end <= hi && !agentOf(q, t));
    if (chain.length === 0) return true;
    if (t.start < p.start) return false;
    let prev = p;
    for (const q of chain) {
      const gap = text.slice(prev.end, q.start);
      if (!(language === "en" ? LISTED_EN : LISTED).test(gap) || gap.length > 24) return false;
      prev = q;
    }
    return true;
  };
  // "復帰した科学者のアンドレイ・カルパシー": a verb in a relative clause is about the name after it only
  const clauseOf = (t: Trigger) => {
    if (language !== "ja") return null;
    const q = people.find((o) => o.start >= t.end && o.start - t.end <= 30);
    if (!q) return null;
    const gap = text.slice(t.end, q.start);
    return RELATIVE_CLAUSE.test(gap) ? q : null;
  };
  for (const p of people) {
    const after = triggers.filter((t) => t.start >= p.end && clear(p, t) && (clauseOf(t) ?? p) === p);
    const before = triggers.filter((t) => t.end <= p.start && clear(p, t)).reverse();
    if (language === "en") {
      // subject before its verb ("X left"), or object after it ("hired X", "named X"), whichever is closer
      const cands = [...after.map((t) => ({ t, d: t.start - p.end })), ...before.map((t) => ({ t, d: (p.start - t.end) * 1.5 }))].sort(
        (a, b) => a.d - b.d,
      );
      if (cands[0] && cands[0].d <= 120) pairs.push([p, cands[0].t]);
      continue;
    }
    // Japanese and Chinese: the verb follows its subject ("ミーラ・モラティが辞めた", "穆拉蒂离职")
    if (after[0]) pairs.push([p, after[0]]);
    // a relative clause before the name is also about them ("昨年OpenAIに入社したピーター・デン")
    const clause = before[0];
    if (clause && clause.entry.kind !== after[0]?.entry.kind) {
      const gap = text.slice(clause.end, p.start);
      const relative = language === "ja" ? RELATIVE_CLAUSE.test(gap) : /^了?的[^，。、]{0,12}$/.test(gap);
      if (relative) pairs.push([p, clause]);
    }
  }
  return pairs;
}

/** The date the movement word is about: the closest one before it in its clause (ja/zh), or the closest at all (en). */
function dateFor(
  dates: FoundDate[],
  trigger: Trigger,
  previousTrigger: Trigger | undefined,
  sentenceStart: number,
  language: ExtractLanguage,
): FoundDate | undefined {
  const at = (d: FoundDate) => sentenceStart + d.index;
  if (language === "en") return [...dates].sort((a, b) => Math.abs(at(a) - trigger.start) - Math.abs(at(b) - trigger.start))[0];
  const floor = previousTrigger ? previousTrigger.end : -1;
  const before = dates.filter((d) => at(d) < trigger.start && at(d) >= floor);
  if (before.length) return before[before.length - 1];
  return dates.find((d) => at(d) > trigger.end && at(d) - trigger.end <= 8);
}

/** a sentence that only lists who was among those the sentence before spoke of */
const LIST_OF: Record<ExtractLanguage, RegExp> = {
  ja: /^(?:その中には|このうち|うち|中でも).*(?:含ま|含む|含め|などが|らが)/,
  en: /^(?:They|Those|Among them|These)\b.*\b(?:include|included|including|were)\b/i,
  zh: /^(?:其中|他们是|包括)/,
};

const PRONOUN: Record<ExtractLanguage, RegExp> = {
  ja: /彼女|同氏|彼(?!ら)/,
  en: /\b(?:he|she)\b/i,
  zh: /她(?!们)|(?<!其)他(?!们|人)/,
};

/** A pronoun before any name in the sentence stands for the first person named in the sentence before. */
function pronounReferent(
  text: string,
  s: Sentence,
  si: number,
  sentences: Sentence[],
  people: PersonMention[],
  inPeople: PersonMention[],
  lexicon: Lexicon,
) {
  const m = s.text.match(PRONOUN[lexicon.language]);
  if (!m) return null;
  const start = s.start + m.index!;
  if (inPeople.some((p) => p.start < start)) return null;
  const previous = sentences[si - 1];
  if (!previous) return null;
  const name = people.find((p) => p.start >= previous.start && p.end <= previous.end);
  if (!name) return null;
  return { mention: { ...name, start, end: start + m[0].length, text: m[0] }, name, sentence: previous };
}

interface Built extends Omit<Proposal, "fingerprint"> {
  personKey: string;
}

export function extractProposals(input: ExtractInput, context: ExtractContext): ExtractResult {
  const text = input.text;
  const language = input.language ?? detectLanguage(text);
  const lexicon: Lexicon = LEXICONS[language];
  const published = readPublished(input.publishedAt);
  const peopleIndex = indexPeople(context.people);
  const companyIndex = indexCompanies(context.companies);
  const destinations = findDestinations(text, lexicon, language).filter((d) => !lexicon.notOrganizations.includes(d.text.replace(/社$/, "")));
  const { people, orgs } = findMentions(text, language, lexicon, peopleIndex, companyIndex, destinations);
  // where people went is not what the article is about: destinations do not count towards its company
  const fullestOrg = new Map<string, string>();
  // an organization is shown by the fullest name the text gives it ("Vantage" → "Vantage Robotics")
  for (const o of orgs) if (!o.known && (fullestOrg.get(o.key)?.length ?? 0) < o.text.length) fullestOrg.set(o.key, o.text);
  const main = mainOrg(
    orgs.filter((o) => !destinations.some((d) => o.start < d.end && d.start < o.end)),
    input.title,
  );
  const pattern = compileMovements(lexicon);
  const sentences = splitSentences(text, language).map((s) => trimmed(text, s));

  const built: Built[] = [];
  let pi = 0;
  let oi = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    if (!s.text) continue;
    while (pi < people.length && people[pi].start < s.start) pi++;
    while (oi < orgs.length && orgs[oi].start < s.start) oi++;
    const inPeople: PersonMention[] = [];
    for (let k = pi; k < people.length && people[k].start < s.end; k++) if (people[k].end <= s.end) inPeople.push(people[k]);
    // "彼は…戻った", "She left": the person the sentence before was about, with that sentence as context
    const referent = pronounReferent(text, s, si, sentences, people, inPeople, lexicon);
    if (referent) inPeople.unshift(referent.mention);
    if (inPeople.length === 0) continue;
    const previous = si > 0 ? sentences[si - 1] : undefined;
    const inOrgs: OrgMention[] = [];
    for (let k = oi; k < orgs.length && orgs[k].start < s.end; k++) inOrgs.push(orgs[k]);
    let triggers = findTriggers(text, s.start, s.end, lexicon, pattern).filter(
      (t) => ![...inPeople, ...inOrgs].some((m) => t.start < m.end && m.start < t.end),
    );
    // "…今年全員辞任した。その中には A、B、C も含まれます": the list takes the movement of the sentence before
    let listContext: Sentence | undefined;
    if (previous && LIST_OF[language].test(s.text) && !people.some((p) => inside(p, previous))) {
      const inherited = findTriggers(text, previous.start, previous.end, lexicon, pattern);
      if (inherited.length && !triggers.some((t) => t.entry.kind === inherited[inherited.length - 1].entry.kind)) {
        const t = inherited[inherited.length - 1];
        triggers = [...triggers, { ...t, start: s.end, end: s.end }];
        listContext = previous;
      }
    }
    if (triggers.length === 0) continue;
    const dates = findDates(s.text, language, published);
    const dests = destinations.filter((d) => inside(d, s));

    for (const [person, trigger] of assign(inPeople, triggers, text, language)) {
      let kind: EventKind = trigger.entry.kind;
      const manner = trigger.entry.manner;
      // where they went: a destination tied to this movement word, or to the joining or founding right after it
      const tied = (t: Trigger) => dests.find((d) => d.matchStart <= t.end && d.matchEnd >= t.start);
      const next = triggers.find((t) => t.start > trigger.end && (t.entry.kind === "joined" || t.entry.relation));
      const dest = tied(trigger) ?? (kind === "departed" && next ? tied(next) : undefined);
      let destination = dest ? destinationOf(dest, orgs, fullestOrg) : undefined;
      const triggerWords = [trigger.word];
      let contextSentence: Sentence | undefined =
        referent?.mention === person ? referent.sentence : trigger.start === s.end ? listContext : undefined;

      // the company they left (or joined): named in the sentence, else in the sentence before, else the article's
      const destOrg = dest ? inOrgs.find((o) => o.start === dest.start) : undefined;
      const isDestination = (o: OrgMention) => dests.some((d) => o.start < d.end && d.start < o.end);
      const others = inOrgs.filter(
        (o) => !isDestination(o) && o.key !== destOrg?.key && (!destination || normalizeName(o.text) !== normalizeName(destination.name)),
      );
      let company: OrgMention | undefined;
      if (kind === "joined") {
        // "hired X, previously at Stripe": a former employer is not the one joined
        const former = (o: OrgMention) => FORMER[language].test(text.slice(Math.max(s.start, o.start - 24), o.start));
        const joinable = inOrgs.filter((o) => !former(o));
        company = destOrg ?? [...joinable].sort((a, b) => between(a, trigger) - between(b, trigger))[0] ?? (inOrgs.length && main ? main : undefined);
        destination = undefined;
        // joining another company than the one the article is about is leaving it for that one
        if (company && main && !sameOrg(company, main) && lexicon.joinsElsewhere.some((w) => trigger.word.toLowerCase() === w)) {
          destination = { ...companyOf(company, fullestOrg), relation: "joined" };
          company = main;
          kind = "departed";
        }
      } else {
        company = (main && others.find((o) => sameOrg(o, main))) || others.find((o) => o.known);
        // in Japanese and Chinese prose a Latin word is as often a product (GPT) as a company: the article's company is likelier
        if (!company && (language === "en" || !main)) company = others.sort((a, b) => between(a, trigger) - between(b, trigger))[0];
      }
      if (!company && previous && !contextSentence) {
        const prevOrg = orgs.find((o) => inside(o, previous) && (o.key === main?.key || !main));
        if (prevOrg) {
          company = prevOrg;
          contextSentence = previous;
        }
      }
      company ??= main ?? undefined;
      if (!company) continue;
      // founding the company itself ("who co-founded Vantage") is not leaving it
      const companyKey = normalizeName(company.known?.name ?? company.text);
      const destKey = destination ? normalizeName(destination.name) : "";
      if (
        destination &&
        (destKey === companyKey || companyKey.startsWith(destKey) || destKey.startsWith(companyKey) || (destOrg && destOrg.key === company.key))
      )
        destination = undefined;
      if (trigger.entry.relation === "founded" && !destination) continue;

      // the date: in the sentence near the movement word, else in the sentence before, else "on or before publication"
      const prevTrigger = triggers.filter((t) => t.end <= trigger.start).pop();
      let found =
        trigger.start === s.end && listContext
          ? findDates(listContext.text, language, published).pop()
          : dateFor(dates, trigger, prevTrigger, s.start, language);
      if (!found && previous && (!contextSentence || contextSentence === previous)) {
        const prevDates = findDates(previous.text, language, published);
        // a date in the sentence before is this one's when that sentence is not about someone else's move
        const prevAboutPeople =
          people.some((p) => inside(p, previous)) && findTriggers(text, previous.start, previous.end, lexicon, pattern).length > 0;
        if (prevDates.length && !prevAboutPeople) {
          found = prevDates[prevDates.length - 1];
          contextSentence = previous;
        }
      }
      let date: string | undefined;
      let dateBasis: Proposal["dateBasis"];
      let datePhrase: string | undefined;
      if (found && found.date) {
        date = found.basis === "stated" ? found.date : undefined;
        dateBasis = found.basis;
        datePhrase = found.basis === "relative_to_published" ? found.phrase : undefined;
        triggerWords.push(found.phrase);
      } else if (published) {
        dateBasis = "bounded_by_published";
        date = undefined;
      }

      // the role: the role word closest to the name in the sentence
      let role: Proposal["role"];
      let roleCategory: Proposal["roleCategory"];
      let roleDistance = Infinity;
      const lowerSentence = s.text.toLowerCase();
      for (const entry of lexicon.roles)
        for (const w of entry.words) {
          const hay = language === "en" ? lowerSentence : s.text;
          const needle = language === "en" ? w.toLowerCase() : w;
          for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
            const at = s.start + i;
            const d = between({ start: at, end: at + w.length }, person);
            if (d < roleDistance && d <= 24) {
              roleDistance = d;
              role = entry.role;
              roleCategory = entry.category;
            }
          }
        }
      if (destination) triggerWords.push(destination.name);

      const gap = between(person, trigger);
      const confidence = Math.max(
        0.1,
        Math.min(
          0.95,
          0.45 +
            (person.known ? 0.2 : 0) +
            (gap <= 12 ? 0.15 : gap <= 40 ? 0.05 : -0.15) +
            (found ? 0.1 : 0) +
            (contextSentence ? -0.05 : 0.05) +
            (inPeople.length > 4 ? -0.1 : 0),
        ),
      );
      const written = referent?.mention === person ? referent.name : person;
      const aliases = [...new Set([written.text, ...(person.fullName !== person.text ? [person.fullName] : [])])].filter(
        (a) => a !== (person.known?.person.name ?? person.fullName),
      );
      built.push({
        personKey: person.key,
        person: {
          name: person.known?.person.name ?? person.fullName,
          aliases,
          mention: written.text,
          known: person.known ? { id: person.known.person.id, name: person.known.person.name, via: person.known.via } : null,
        },
        company: companyOf(company, fullestOrg),
        kind,
        manner: kind === "departed" ? manner : undefined,
        role,
        roleCategory,
        date: dateBasis === "stated" ? date : undefined,
        dateBasis,
        datePhrase,
        destination,
        excerpt: s.text,
        start: s.start,
        context: contextSentence?.text,
        contextStart: contextSentence?.start,
        confidence: Math.round(confidence * 100) / 100,
        triggers: triggerWords,
      });
    }
  }

  // one proposal per person, kind and sentence
  const seen = new Map<string, Built>();
  for (const b of built) {
    const key = `${b.personKey}|${b.kind}|${b.start}`;
    const had = seen.get(key);
    if (!had) seen.set(key, b);
    else had.triggers = [...new Set([...had.triggers, ...b.triggers])];
  }

  let suppressed = 0;
  const proposals: Proposal[] = [];
  for (const built of seen.values()) {
    const b: Omit<Built, "personKey"> & { personKey?: string } = { ...built };
    delete b.personKey;
    const fingerprint = proposalFingerprint(b.person.mention, b.kind, b.excerpt);
    if (context.rejected?.has(fingerprint)) {
      suppressed++;
      continue;
    }
    proposals.push({ fingerprint, ...b });
  }
  return { language, publishedAt: input.publishedAt, proposals: markRepeats(proposals, context.events ?? []), suppressed };
}

/** A proposal about a recorded person and company whose event of that kind is on record says so. */
export function markRepeats(proposals: Proposal[], events: RecordedEvent[]): Proposal[] {
  return proposals.map((p) => {
    const personId = p.person.known?.id;
    const companyId = p.company.known?.id;
    if (personId === undefined || companyId === undefined) return p;
    const same = events.filter((e) => e.personId === personId && e.companyId === companyId && e.kind === p.kind);
    if (same.length === 0) return p;
    const exact = same.find((e) => e.excerpts.includes(p.excerpt));
    return { ...p, repeats: { eventId: (exact ?? same[0]).eventId, sameExcerpt: !!exact } };
  });
}
