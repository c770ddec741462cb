/** The baselines the engine is measured against: plain Fuse.js and MiniSearch BM25 over the same fields. */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Pack } from '../lib/packs/schema';

export type Ranker = (text: string) => string[];

/** Documents are keyed `pack/entry` so that packs loaded together cannot collide; rankers return entry ids. */
const entryIdOf = (key: string) => key.slice(key.indexOf('/') + 1);

interface Doc {
  id: string;
  title: string;
  questions: string;
  reply: string;
}

const docsOf = (packs: Pack[]): Doc[] =>
  packs.flatMap((pack) =>
    pack.entries
      .filter((e) => e.kind === 'reply')
      .map((e) => ({
        id: `${pack.id}/${e.id}`,
        title: e.title,
        questions: e.questions.join('\n'),
        reply: e.replies.map((r) => r.text).join('\n'),
      })),
  );

/** Fuse.js with default options over title / questions / reply. */
export function fuseRanker(packs: Pack[]): Ranker {
  const fuse = new Fuse(docsOf(packs), { keys: ['title', 'questions', 'reply'] });
  return (text) => fuse.search(text).map((r) => entryIdOf(r.item.id));
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * MiniSearch BM25 over title / questions / reply. Its default tokenizer splits on spaces and
 * punctuation, which leaves a Chinese sentence as one token; for Chinese the baseline gets
 * `Intl.Segmenter` words so that it is a fair BM25, not a broken one.
 */
export function bm25Ranker(packs: Pack[], chinese: boolean): Ranker {
  const options = chinese
    ? {
        tokenize: (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment),
      }
    : {};
  const search = new MiniSearch<Doc>({ fields: ['title', 'questions', 'reply'], idField: 'id', ...options });
  search.addAll(docsOf(packs));
  return (text) => search.search(text).map((r) => entryIdOf(r.id as string));
}
