/**
 * The Porter stem of an English word (stemmer package), except for words Porter folds into an unrelated shop
 * word: customer → custom (customs duties: "customer service phone number" ranked the customs entry first),
 * news → new ("any news?" is not about new items), business → busi (busy), goods → good ("my goods" reached a
 * closing entry's "all good" as a synonym of item). Every stem in the engine and in the
 * generated tables goes through here, so index, message and tables agree.
 */
import { stemmer } from 'stemmer';

const OVER_STEMMED: Readonly<Record<string, string>> = {
  customer: 'customer',
  customers: 'customer',
  news: 'news',
  business: 'business',
  businesses: 'business',
  goods: 'goods',
};

export function stem(word: string): string {
  return OVER_STEMMED[word] ?? stemmer(word);
}
