/**
 * What an import or a sync update would change in a stored pack, for the team lead to review before it
 * applies: entries added, changed (each changed field with a word-level diff of its text), removed, and
 * facts and pack fields changed. Pure: two packs in, a diff out.
 */
import { factValue, type Entry, type Pack } from './schema';

/** A run of text the same on both sides, only in the new one, or only in the old one. */
export interface DiffPart {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** One field whose text changed, with the parts that show how. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
  parts: DiffPart[];
}

export interface EntryRef {
  id: string;
  title: string;
}

export interface EntryChange extends EntryRef {
  fields: FieldChange[];
}

export interface PackDiff {
  added: EntryRef[];
  removed: EntryRef[];
  changed: EntryChange[];
  /** Entries the same in both. */
  unchanged: number;
  /** Facts added (`before` null), removed (`after` null) or with another value. */
  facts: Array<{ name: string; before: string | null; after: string | null }>;
  /** Pack-level fields that changed: name, version, locale, platforms, scenarios, compliance. */
  pack: FieldChange[];
}

/** True when applying the new pack would change nothing an agent sees. */
export function isEmptyDiff(diff: PackDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.changed.length + diff.facts.length === 0 &&
    diff.pack.every((f) => f.field === 'version')
  );
}

/** Words, runs of spaces, and single Han characters or punctuation: the units a change is shown in. */
function units(text: string): string[] {
  return text.match(/\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}_])+|\s+|./gsu) ?? [];
}

/** Past this many token pairs the diff shows the whole text as removed and added (keeps the worker fast). */
const MAX_CELLS = 250_000;

/** A word-level diff (longest common subsequence), adjacent parts of one kind merged. */
export function diffText(before: string, after: string): DiffPart[] {
  const a = units(before);
  const b = units(after);
  // Common head and tail are cheap and make the table small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, head).join(''));
  if (midA.length * midB.length > MAX_CELLS) {
    push('del', midA.join(''));
    push('add', midB.join(''));
  } else {
    const n = midA.length;
    const m = midB.length;
    // lcs[i][j]: longest common subsequence of midA[i..] and midB[j..].
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        push('same', midA[i++]!);
        j++;
      } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('del', midA[i++]!);
      else push('add', midB[j++]!);
    }
  }
  push('same', a.slice(a.length - tail).join(''));
  return parts;
}

function change(field: string, before: string, after: string): FieldChange | null {
  return before === after ? null : { field, before, after, parts: diffText(before, after) };
}

const lines = (values: readonly string[] | undefined) => (values ?? []).join('\n');

/** A reply as one line: its text, then what limits it. */
function replyLine(reply: Entry['replies'][number]): string {
  const limits = [
    reply.locale,
    reply.platforms?.length ? reply.platforms.join(',') : '',
    reply.scenarios?.length ? `#${reply.scenarios.join(',#')}` : '',
  ].filter(Boolean);
  return limits.length ? `${reply.text} [${limits.join(' ')}]` : reply.text;
}

/** Each field of an entry as text, in the order the preview shows them. */
function entryFields(entry: Entry): Array<[string, string]> {
  return [
    ['title', entry.title],
    ['questions', lines(entry.questions)],
    ['replies', entry.replies.map(replyLine).join('\n')],
    ['keywords', lines(entry.keywords)],
    ['kind', entry.kind],
    ['scenarios', lines(entry.scenarios)],
    ['platforms', lines(entry.platforms)],
    ['tags', lines(entry.tags)],
    ['shortcut', entry.shortcut ?? ''],
    ['priority', String(entry.priority)],
    ['cause', entry.cause ?? ''],
    ['resolution', entry.resolution ?? ''],
    // Fields other helpers add to the format (e.g. products) are compared too, as JSON.
    ...Object.entries(entry)
      .filter(([key]) => !KNOWN_ENTRY_FIELDS.has(key))
      .map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  ];
}

const KNOWN_ENTRY_FIELDS = new Set([
  'id',
  'title',
  'questions',
  'replies',
  'keywords',
  'kind',
  'scenarios',
  'platforms',
  'tags',
  'shortcut',
  'priority',
  'cause',
  'resolution',
]);

function diffEntry(before: Entry, after: Entry): EntryChange | null {
  const old = new Map(entryFields(before));
  const fields: FieldChange[] = [];
  const seen = new Set<string>();
  for (const [field, text] of entryFields(after)) {
    seen.add(field);
    const c = change(field, old.get(field) ?? '', text);
    if (c) fields.push(c);
  }
  for (const [field, text] of old) {
    if (seen.has(field)) continue;
    const c = change(field, text, '');
    if (c) fields.push(c);
  }
  return fields.length ? { id: after.id, title: after.title, fields } : null;
}

function factText(fact: Pack['facts'][string]): string {
  const value = String(factValue(fact));
  return typeof fact === 'object' && fact.unit ? `${value} ${fact.unit}` : value;
}

/** What replacing `before` with `after` (same pack id) changes. */
export function diffPacks(before: Pack, after: Pack): PackDiff {
  const oldEntries = new Map(before.entries.map((e) => [e.id, e]));
  const newIds = new Set(after.entries.map((e) => e.id));
  const added: EntryRef[] = [];
  const changed: EntryChange[] = [];
  let unchanged = 0;
  for (const entry of after.entries) {
    const previous = oldEntries.get(entry.id);
    if (!previous) {
      added.push({ id: entry.id, title: entry.title });
      continue;
    }
    const c = diffEntry(previous, entry);
    if (c) changed.push(c);
    else unchanged++;
  }
  const removed = before.entries.filter((e) => !newIds.has(e.id)).map((e) => ({ id: e.id, title: e.title }));

  const facts: PackDiff['facts'] = [];
  for (const name of new Set([...Object.keys(before.facts), ...Object.keys(after.facts)])) {
    const b = name in before.facts ? factText(before.facts[name]!) : null;
    const a = name in after.facts ? factText(after.facts[name]!) : null;
    if (a !== b) facts.push({ name, before: b, after: a });
  }

  const scenarioLine = (s: Pack['scenarios'][number]) =>
    `${s.id} ${s.name}${s.from || s.to ? ` ${s.from ?? ''}–${s.to ?? ''}` : ''}`;
  const pack = [
    change('name', before.name, after.name),
    change('version', before.version, after.version),
    change('locale', before.locale, after.locale),
    change('platforms', lines(before.platforms), lines(after.platforms)),
    change('scenarios', before.scenarios.map(scenarioLine).join('\n'), after.scenarios.map(scenarioLine).join('\n')),
    change('compliance.allow', lines(before.compliance?.allow), lines(after.compliance?.allow)),
  ].filter((c): c is FieldChange => c !== null);

  return { added, removed, changed, unchanged, facts, pack };
}
