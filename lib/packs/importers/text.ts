/** Text helpers shared by the importers: HTML to plain text, placeholder renaming, titles. */
import { isKnownVariable } from '../../templates/render';
import type { ImportNote } from './types';

const NO_FACTS: ReadonlySet<string> = new Set();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A line without its trailing spaces and tabs (a loop: `/[ \t]+\n/` is quadratic on long runs of spaces). */
function trimEndSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  return line.slice(0, end);
}

/** Plain text of a reply written in HTML: paragraphs and <br> become line breaks, tags go. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^<>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#')) {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        // `&#99999999;` is no character: kept as written rather than thrown out of fromCodePoint.
        return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map(trimEndSpaces)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Renames the other tool's `{{placeholders}}` to Huashu's page variables (`{{ticket.requester.name}}` →
 * `{{customer.name}}`). Placeholders with no Huashu counterpart stay, and are reported: the panel shows
 * them as blanks the agent fills, and `kpack lint` lists them.
 */
export function renamePlaceholders(
  text: string,
  names: Record<string, string>,
  where: string,
  warnings: ImportNote[],
): string {
  return text.replace(/\{\{([^{}|]+)(\|[^{}]*)?\}\}/g, (whole, name: string, fallback: string | undefined) => {
    const renamed = names[name.trim().toLowerCase()];
    if (renamed) return `{{${renamed}${fallback ?? ''}}}`;
    if (isKnownVariable(name.trim(), NO_FACTS)) return whole;
    warnings.push({ where, message: `${whole} has no Huashu counterpart: the agent fills it in` });
    return whole;
  });
}

/** A title from the first words of a reply, for tools whose replies have none. */
export function titleFromText(text: string, max = 24): string {
  const line =
    text
      .replace(/\{\{[^{}]*\}\}|\{cursor\}/g, '')
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  const chars = Array.from(line);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : line;
}

/** A shortcut as Huashu stores it: no spaces, at most 32 characters; null when the trigger cannot be one. */
export function shortcutOf(trigger: string | undefined | null): string | null {
  const value = (trigger ?? '').trim();
  return /^\S{1,32}$/.test(value) ? value : null;
}

/** `where` label of an item: its place and its name. */
export function place(path: string, name?: string): string {
  return name ? `${path} ("${name}")` : path;
}
