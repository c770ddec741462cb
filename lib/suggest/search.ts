/**
 * The agent's own search box in the panel: finds entries by title, shortcut, keywords and questions,
 * in Chinese or by pinyin — full (`fahuo` → 发货) or initials (`fh` → 发货时间) — with Fuse.js for
 * fuzzy matching. Exact shortcut and pinyin-prefix hits rank above fuzzy ones.
 */
import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import type { Entry, Pack, Platform } from '../packs/schema';
import { isMadeForPlatform } from './rank/scenarios';
import { normalizeText } from './text/normalize';
import { finish, follow, inSlices, type Steps } from '../steps';

export interface SearchHit {
  packId: string;
  entryId: string;
  title: string;
  kind: Entry['kind'];
  shortcut?: string;
  /** 0…1, higher is better. */
  score: number;
}

interface SearchDoc {
  packId: string;
  /** The platforms the pack is made for (none: all). */
  pack: Pick<Pack, 'platforms'>;
  entry: Entry;
  title: string;
  shortcut: string;
  /** Pinyin without tones or spaces, title first then keywords, e.g. `fahuoshijian|fahuo`. */
  pinyin: string;
  /** Pinyin initials, e.g. `fhsj|fh`. */
  initials: string;
  keywords: string;
  questions: string;
}

const HAN = /\p{Script=Han}/u;

/**
 * How much lower a hit ranks when its pack or entry is made for another platform than the chat's: a Taobao
 * agent typing `/zl` gets the Tmall pack's 质量问题 before the PDD pack's (the composer's shortcut expands the
 * same way), while an exact title of another platform's entry still beats a loose match of this one's.
 */
const OTHER_PLATFORM_PENALTY = 0.05;

function pinyinForms(text: string): { full: string; initials: string } {
  if (!HAN.test(text)) {
    const plain = normalizeText(text).replace(/\s+/g, '');
    return { full: plain, initials: plain };
  }
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const clean = (parts: string[]) => normalizeText(parts.join('')).replace(/[^a-z0-9]/g, '');
  return { full: clean(full), initials: clean(initials) };
}

/** Entries read between two steps of `EntrySearch.prepareSteps`. */
const SEARCH_ENTRIES_PER_STEP = 100;

/** What the search matches of one entry. */
function searchDocOf(pack: Pack, entry: Entry): SearchDoc {
  const forms = [entry.title, ...entry.keywords].map(pinyinForms);
  return {
    packId: pack.id,
    pack,
    entry,
    title: normalizeText(entry.title),
    shortcut: (entry.shortcut ?? '').toLowerCase(),
    pinyin: forms.map((f) => f.full).join('|'),
    initials: forms.map((f) => f.initials).join('|'),
    keywords: normalizeText(entry.keywords.join(' ')),
    questions: normalizeText(entry.questions.join(' ')),
  };
}

export class EntrySearch {
  private index: { docs: SearchDoc[]; fuse: Fuse<SearchDoc> } | null = null;
  /** The build under way in steps (`prepareSteps`), which a search finishes at once. */
  private building: Steps<{ docs: SearchDoc[]; fuse: Fuse<SearchDoc> }> | null = null;

  constructor(private readonly packs: Pack[]) {}

  /**
   * Builds the index (the pinyin of every title and keyword, then Fuse's) on the first search, unless the panel built it
   * already once its first list was drawn (`prepareSteps`).
   */
  prepare(): { docs: SearchDoc[]; fuse: Fuse<SearchDoc> } {
    if (this.index) return this.index;
    return finish((this.building ??= this.buildSteps()));
  }

  /**
   * `prepare` in steps of `SEARCH_ENTRIES_PER_STEP` entries, for the panel to run each in a task of its own after its
   * first list (the shipped packs: one task of ~150 ms in Chromium, pinyin-pro's dictionaries loaded on first use). A
   * search meanwhile finishes the same build at once.
   */
  *prepareSteps(): Steps<void> {
    if (this.index) return;
    yield* follow((this.building ??= this.buildSteps()));
  }

  private *buildSteps(): Steps<{ docs: SearchDoc[]; fuse: Fuse<SearchDoc> }> {
    const docs: SearchDoc[] = [];
    for (const pack of this.packs) {
      yield* inSlices(pack.entries.length, SEARCH_ENTRIES_PER_STEP, (from, to) => {
        for (let i = from; i < to; i += 1) docs.push(searchDocOf(pack, pack.entries[i]!));
      });
    }
    const fuse = new Fuse(docs, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'shortcut', weight: 3 },
        { name: 'pinyin', weight: 2 },
        { name: 'initials', weight: 2 },
        { name: 'keywords', weight: 2 },
        { name: 'questions', weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.34,
    });
    return (this.index = { docs, fuse });
  }

  /** Entries matching what the agent typed, best first; those made for the chat's `platform` ahead of others. */
  search(query: string, limit = 20, platform?: Platform): SearchHit[] {
    const q = normalizeText(query).replace(/\s+/g, ' ');
    if (!q) return [];
    const { docs, fuse } = this.prepare();
    const compact = q.replace(/[\s/]/g, '');
    const scores = new Map<SearchDoc, number>();
    const offer = (doc: SearchDoc, score: number) => {
      if (score > (scores.get(doc) ?? 0)) scores.set(doc, score);
    };
    const latin = /^[a-z0-9\s/]+$/.test(q);
    for (const doc of docs) {
      if (doc.shortcut && (doc.shortcut === q || doc.shortcut.replace(/^\//, '') === compact)) offer(doc, 1);
      else if (doc.shortcut && compact && doc.shortcut.replace(/^\//, '').startsWith(compact)) offer(doc, 0.9);
      if (doc.title.includes(q)) offer(doc, 0.85 + 0.1 * (q.length / doc.title.length));
      if (latin && compact.length >= 1) {
        const parts = [...doc.initials.split('|'), ...doc.pinyin.split('|')];
        if (parts.some((p) => p.startsWith(compact))) offer(doc, compact.length >= 2 ? 0.8 : 0.5);
        else if (compact.length >= 2 && parts.some((p) => p.includes(compact))) offer(doc, 0.6);
      }
    }
    for (const result of fuse.search(q, { limit: limit * 2 })) {
      offer(result.item, 0.55 * (1 - (result.score ?? 1)));
    }
    for (const [doc, score] of scores) {
      if (!isMadeForPlatform(doc.pack, doc.entry, platform)) scores.set(doc, score - OTHER_PLATFORM_PENALTY);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0].title.length - b[0].title.length)
      .slice(0, limit)
      .map(([doc, score]) => ({
        packId: doc.packId,
        entryId: doc.entry.id,
        title: doc.entry.title,
        kind: doc.entry.kind,
        shortcut: doc.entry.shortcut,
        score: Math.round(score * 1000) / 1000,
      }));
  }
}
