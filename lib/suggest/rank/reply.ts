/**
 * One entry's reply, chosen and filled for a chat: the variant for the buyer's language, platform and
 * scenarios, with facts, page variables and dates filled in. Shared by the ranked suggestions and by
 * shortcuts typed in the composer.
 */
import { complianceRules, type ComplianceRule } from '../../packs/compliance';
import type { Entry, Pack, Platform } from '../../packs/schema';
import { factValue } from '../../packs/schema';
import { renderTemplate, type PageValues } from '../../templates/render';
import { replyLocale } from '../text/language';
import { chooseReply } from './scenarios';

export type FactValues = Record<string, string | number | boolean>;

/** A pack's facts as plain values, for templates. */
export function factValues(pack: Pack): FactValues {
  return Object.fromEntries(Object.entries(pack.facts).map(([name, fact]) => [name, factValue(fact)]));
}

export interface ReplyContext {
  locale?: string;
  platform?: Platform;
  page?: PageValues;
  now: Date;
}

export interface RenderedReply {
  index: number;
  locale: string;
  text: string;
  missing: string[];
  cursor: number | null;
}

export function renderReply(
  pack: Pack,
  entry: Entry,
  context: ReplyContext,
  active: Set<string>,
  facts: FactValues = factValues(pack),
): RenderedReply {
  const chosen = chooseReply(pack, entry, {
    locale: replyLocale(context.locale, pack.locale),
    platform: context.platform,
    active,
  });
  const rendered = renderTemplate({
    template: chosen.reply.text,
    facts,
    page: { 'shop.name': pack.name, ...context.page },
    locale: chosen.locale,
    now: context.now,
  });
  return { index: chosen.index, locale: chosen.locale, ...rendered };
}

/** One suggested entry with its reply filled in, as the panel shows it. */
export interface Suggestion {
  packId: string;
  entryId: string;
  kind: Entry['kind'];
  title: string;
  /** 0…1, see `THRESHOLDS`. */
  score: number;
  coverage: number;
  /** Terms of the message the entry matched (normalised form). */
  matchedTerms: string[];
  replyIndex: number;
  replyLocale: string;
  /** The reply with facts, page variables and dates filled in. */
  text: string;
  /** Variables without value or fallback: the agent must fill them. */
  missing: string[];
  /** Caret offset in `text` after insertion, or null for the end. */
  cursor: number | null;
  shortcut?: string;
  /** Compliance rules the filled reply breaks (see lib/packs/compliance.ts); the panel asks before inserting. */
  compliance: ComplianceRule[];
  /** The scenario, off for this chat, the entry answers in (the panel offers to switch it on). */
  scenarioOff?: ScenarioOff;
}

/** A scenario that is off: a manual one, or a dated one out of its window (`from` / `to` say when it runs). */
export interface ScenarioOff {
  id: string;
  name: string;
  from?: string;
  to?: string;
}

export function scenarioOffOf(scenario: Pack['scenarios'][number]): ScenarioOff {
  const { id, name, from, to } = scenario;
  return { id, name, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** An entry as a suggestion, its reply chosen and filled; score, coverage and matched terms left empty. */
export function suggestionOf(
  pack: Pack,
  entry: Entry,
  context: ReplyContext,
  active: Set<string>,
  facts: FactValues,
): Suggestion {
  const rendered = renderReply(pack, entry, context, active, facts);
  return {
    packId: pack.id,
    entryId: entry.id,
    kind: entry.kind,
    title: entry.title,
    score: 0,
    coverage: 0,
    matchedTerms: [],
    replyIndex: rendered.index,
    replyLocale: rendered.locale,
    text: rendered.text,
    missing: rendered.missing,
    cursor: rendered.cursor,
    shortcut: entry.shortcut,
    compliance: complianceRules(rendered.text, pack.compliance?.allow),
  };
}
