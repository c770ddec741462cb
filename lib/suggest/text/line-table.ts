/**
 * Lookups in a generated table held as one string with a line per word — `\nword rest of the line\n`, or `\nword\n`
 * for a word with nothing more — as the WordNet bridge and the CC-CEDICT table are. The table is searched as a
 * string: building a map of all its lines cost ~75 ms on first use (the bridge's, on the panel's first suggestion), a
 * search a fraction of a millisecond. Answers are kept, bounded: a long-lived panel reads endless messages.
 */
export function lineTable(table: string, limit = 5_000): (word: string) => string | null {
  const lines = new Map<string, string | null>();
  /** The rest of a word's line ('' when it has nothing more), or null when the table does not hold the word. */
  return (word) => {
    let line = lines.get(word);
    if (line !== undefined) return line;
    const at = table.indexOf(`\n${word} `);
    if (at >= 0) {
      const from = at + word.length + 2;
      line = table.slice(from, table.indexOf('\n', from));
    } else {
      line = table.includes(`\n${word}\n`) ? '' : null;
    }
    if (lines.size >= limit) lines.clear();
    lines.set(word, line);
    return line;
  };
}
