/**
 * Lookups in a generated table held as one string with a line per word — `\nword rest of the line\n`, or `\nword\n`
 * for a word with nothing more — as the WordNet bridge and the CC-CEDICT table are, their lines in the order of their
 * words (JavaScript's string order, as the generators sort them). The table is searched as a string, by halving:
 * building a map of all its lines cost ~75 ms on first use (the bridge's, on the panel's first suggestion), and a
 * scan of the whole string for a word it does not hold 0.14–0.25 ms, several times over in a message of new words.
 * Answers are kept, bounded: a long-lived panel reads endless messages. `table` may be a function that gives the table
 * on the first lookup (one loaded apart, `word-tables.ts`).
 */
export function lineTable(table: string | (() => string), limit = 5_000): (word: string) => string | null {
  const lines = new Map<string, string | null>();
  /** The rest of a word's line ('' when it has nothing more), or null when the table does not hold the word. */
  return (word) => {
    let line = lines.get(word);
    if (line !== undefined) return line;
    line = searchLine(typeof table === 'string' ? table : table(), word);
    if (lines.size >= limit) lines.clear();
    lines.set(word, line);
    return line;
  };
}

const NEWLINE = 10;
const SPACE = 32;

/**
 * Binary search of a sorted line table (see `lineTable`) for a word's line, without keeping the answer: for callers
 * that try many strings once each (the speller's candidate edits).
 */
export function searchLine(table: string, word: string): string | null {
  if (word === '' || word.includes(' ') || word.includes('\n')) return null;
  // Between two line breaks: `lo` begins a line still in question, `hi` ends the last one.
  let lo = table.indexOf('\n');
  let hi = table.lastIndexOf('\n');
  while (lo >= 0 && lo < hi) {
    const start = table.lastIndexOf('\n', (lo + hi) >>> 1);
    const end = table.indexOf('\n', start + 1);
    const order = compareWord(table, start + 1, word);
    if (order === 0) {
      const after = start + 1 + word.length;
      return table.charCodeAt(after) === SPACE ? table.slice(after + 1, end) : '';
    }
    if (order < 0) lo = end;
    else hi = start;
  }
  return null;
}

/** How the word of the line at `from` sorts against `word` (negative: before it), as JavaScript compares strings. */
function compareWord(table: string, from: number, word: string): number {
  for (let i = 0; i < word.length; i += 1) {
    const c = table.charCodeAt(from + i);
    // The line's word ended first: a prefix of `word` sorts before it.
    if (c === SPACE || c === NEWLINE) return -1;
    const d = c - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  const next = table.charCodeAt(from + word.length);
  return next === SPACE || next === NEWLINE ? 0 : 1;
}
