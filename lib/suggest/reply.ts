/**
 * One entry's reply, chosen and filled for a chat: the variant for the buyer's language, platform and
 * scenarios, with facts, page variables and dates filled in. Shared by the ranked suggestions and by
 * shortcuts typed in the composer.
 */
import type { Entry, Pack, Platform } from '../packs/schema';
import { factValue } from '../packs/schema';
import { renderTemplate, type PageValues } from '../templates/render';
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
    locale: context.locale ?? pack.locale,
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
