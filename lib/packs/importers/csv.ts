/**
 * Spreadsheet exports saved as CSV: 千牛 快捷短语 (分组, 快捷编码, 快捷短语) and Huashu's own columns
 * (title, reply, questions, keywords, shortcut, tags). Header names are matched loosely (case, spaces,
 * common synonyms), since team leads rename columns.
 */
import Papa from 'papaparse';
import { place, renamePlaceholders, shortcutOf, titleFromText } from './text';
import { ImportFormatError, type ImportedReply, type ImporterOutput, type ImportNote } from './types';

function rowsOf(source: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(source.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  // A quoted cell that never closes: the file was cut off (or a quote is missing), and its last reply
  // would be imported half, silently.
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    const row = unclosed.row === undefined ? '' : ` (data row ${unclosed.row + 1})`;
    throw new ImportFormatError(`a quoted cell is never closed${row}: the file was cut off, or a " is missing`);
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.length === 0) throw new ImportFormatError('empty file: no header row');
  return { header: header.map((h) => h.trim()), rows };
}

/** The index of the first column whose normalised name is one of `names`, or -1. */
function column(header: string[], names: string[]): number {
  const normal = header.map((h) => h.toLowerCase().replace(/[\s_-]+/g, ''));
  return normal.findIndex((h) => names.includes(h));
}

/** Cells that hold several values: one per line, or separated by | ; ；、 */
const split = (cell: string | undefined) =>
  (cell ?? '')
    .split(/\r?\n|[|;；、]/)
    .map((v) => v.trim())
    .filter(Boolean);

const QIANNIU_PHRASE = ['快捷短语', '短语', '短语内容', '内容', '回复内容'];
const HUASHU_REPLY = ['reply', 'replies', 'answer', 'text', 'response', '回复', '话术', '答案'];

/** Which spreadsheet reader a header row is for: 千牛 (a 快捷短语 column), Huashu's columns, or neither. */
export function spreadsheetKind(header: string[]): 'qianniu' | 'csv' | null {
  if (column(header, QIANNIU_PHRASE) >= 0 && column(header, HUASHU_REPLY.slice(0, 5)) < 0) return 'qianniu';
  if (column(header, HUASHU_REPLY) >= 0) return 'csv';
  return null;
}

/** 千牛 快捷短语: one phrase per row; 快捷编码 is the code agents type. */
export function importQianniu(source: string): ImporterOutput {
  const { header, rows } = rowsOf(source);
  const phrase = column(header, QIANNIU_PHRASE);
  if (phrase < 0) throw new ImportFormatError(`no 快捷短语 column (columns: ${header.join(', ')})`);
  const code = column(header, ['快捷编码', '编码', '快捷键', '快捷码']);
  const group = column(header, ['分组', '分组名称', '分类']);
  const replies: ImportedReply[] = [];
  const skipped: ImportNote[] = [];
  const warnings: ImportNote[] = [];
  rows.forEach((row, index) => {
    const where = place(`row ${index + 2}`, code >= 0 ? row[code]?.trim() : undefined);
    const text = (row[phrase] ?? '').trim();
    if (!text) return skipped.push({ where, message: 'empty 快捷短语' });
    const raw = code >= 0 ? (row[code] ?? '').trim() : '';
    // 千牛 codes are typed after "/" in the reply box.
    const shortcut = raw ? shortcutOf(raw.startsWith('/') ? raw : `/${raw}`) : null;
    if (raw && !shortcut) warnings.push({ where, message: `快捷编码 "${raw}" is too long or has spaces: no shortcut` });
    const tag = group >= 0 ? (row[group] ?? '').trim() : '';
    replies.push({ title: titleFromText(text), text, shortcut: shortcut ?? undefined, tags: tag ? [tag] : [] });
  });
  return { replies, skipped, warnings };
}

/** Huashu's CSV columns: title, reply (required); questions, keywords, tags (several per cell), shortcut. */
export function importCsv(source: string): ImporterOutput {
  const { header, rows } = rowsOf(source);
  const reply = column(header, HUASHU_REPLY);
  if (reply < 0) {
    throw new ImportFormatError(
      `no "reply" column (columns: ${header.join(', ')}); a 千牛 export needs a 快捷短语 column`,
    );
  }
  const title = column(header, ['title', 'name', '标题', '名称']);
  const questions = column(header, ['questions', 'question', '问题', '问法']);
  const keywords = column(header, ['keywords', 'keyword', '关键词']);
  const tags = column(header, ['tags', 'tag', 'category', 'group', '分组', '标签']);
  const shortcut = column(header, ['shortcut', 'trigger', '快捷编码', '快捷键']);
  const replies: ImportedReply[] = [];
  const skipped: ImportNote[] = [];
  const warnings: ImportNote[] = [];
  rows.forEach((row, index) => {
    const name = title >= 0 ? (row[title] ?? '').trim() : '';
    const where = place(`row ${index + 2}`, name);
    const text = (row[reply] ?? '').trim();
    if (!text) return skipped.push({ where, message: 'empty reply' });
    const rawShortcut = shortcut >= 0 ? (row[shortcut] ?? '').trim() : '';
    const cut = rawShortcut ? shortcutOf(rawShortcut) : null;
    if (rawShortcut && !cut) warnings.push({ where, message: `shortcut "${rawShortcut}" is too long or has spaces` });
    replies.push({
      title: name || titleFromText(text),
      text: renamePlaceholders(text, {}, where, warnings),
      shortcut: cut ?? undefined,
      questions: questions >= 0 ? split(row[questions]) : [],
      keywords: keywords >= 0 ? split(row[keywords]) : [],
      tags: tags >= 0 ? split(row[tags]) : [],
    });
  });
  return { replies, skipped, warnings };
}
