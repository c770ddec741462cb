/**
 * Help-desk exports in JSON: Zendesk macros, Gorgias macros, Chatwoot canned responses, Freshdesk canned
 * responses, Text Blaze folders. Each reads the API's list shape, a bare list, or a single object.
 * Placeholders are renamed to Huashu's page variables where one means the same thing.
 */
import { htmlToText, place, renamePlaceholders, shortcutOf, titleFromText } from './text';
import { ImportFormatError, type ImportedReply, type ImporterOutput, type ImportNote } from './types';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function parseJson(source: string): unknown {
  try {
    return JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFormatError(`not a JSON file: ${(error as Error).message}`);
  }
}

/** The items of an export: `{ <key>: [...] }`, `{ data: [...] }`, a bare list, or one item. */
function itemsOf(doc: unknown, key: string, looksLikeItem: (value: Json) => boolean, label: string): Json[] {
  const list = isRecord(doc) ? (Array.isArray(doc[key]) ? doc[key] : Array.isArray(doc.data) ? doc.data : null) : doc;
  if (Array.isArray(list)) return list.map((item) => (isRecord(item) ? item : {}));
  if (isRecord(doc) && looksLikeItem(doc)) return [doc];
  throw new ImportFormatError(`no ${label} found (expected a list, or an object with "${key}": [...])`);
}

/** Zendesk, Freshdesk and Gorgias placeholders with a Huashu counterpart. */
const HELPDESK_NAMES: Record<string, string> = {
  'ticket.requester.name': 'customer.name',
  'ticket.requester.first_name': 'customer.name',
  'ticket.customer.name': 'customer.name',
  'ticket.customer.firstname': 'customer.name',
  'ticket.customer.first_name': 'customer.name',
  'current_user.name': 'agent.name',
  'current_user.first_name': 'agent.name',
  'ticket.assignee_user.name': 'agent.name',
  'ticket.assignee_user.firstname': 'agent.name',
  'ticket.agent.name': 'agent.name',
  'contact.name': 'customer.name',
  'contact.first_name': 'customer.name',
  'agent.name': 'agent.name',
  'agent.first_name': 'agent.name',
};

function collect(): { replies: ImportedReply[]; skipped: ImportNote[]; warnings: ImportNote[] } {
  return { replies: [], skipped: [], warnings: [] };
}

/** Zendesk macros: the reply is the `comment_value` (or `comment_value_html`) action; `::` nests titles. */
export function importZendesk(source: string): ImporterOutput {
  const out = collect();
  const macros = itemsOf(parseJson(source), 'macros', (m) => Array.isArray(m.actions), 'Zendesk macros');
  macros.forEach((macro, index) => {
    // `title` is the text agents see; `raw_title` may hold `{{dc.…}}` dynamic-content placeholders.
    const fullTitle = str(macro.title) || str(macro.raw_title);
    const where = place(`macros[${index}]`, fullTitle);
    if (macro.active === false) return out.skipped.push({ where, message: 'inactive macro' });
    const actions = Array.isArray(macro.actions) ? macro.actions.filter(isRecord) : [];
    const valueOf = (field: string) => {
      const value = actions.find((a) => a.field === field)?.value;
      // Some accounts store ["channel:all", "text"].
      return Array.isArray(value) ? str(value[value.length - 1]) : str(value);
    };
    const text = valueOf('comment_value') || htmlToText(valueOf('comment_value_html'));
    if (!text.trim()) return out.skipped.push({ where, message: 'sets ticket fields only, no reply text' });
    const path = fullTitle
      .split('::')
      .map((part) => part.trim())
      .filter(Boolean);
    out.replies.push({
      title: path[path.length - 1] || titleFromText(text),
      text: renamePlaceholders(text.trim(), HELPDESK_NAMES, where, out.warnings),
      tags: path.slice(0, -1),
    });
  });
  return out;
}

/** Gorgias macros: the reply is the `setResponseText` action (`body_text`, else `body_html`). */
export function importGorgias(source: string): ImporterOutput {
  const out = collect();
  const macros = itemsOf(parseJson(source), 'macros', (m) => Array.isArray(m.actions), 'Gorgias macros');
  macros.forEach((macro, index) => {
    const where = place(`macros[${index}]`, str(macro.name));
    const actions = Array.isArray(macro.actions) ? macro.actions.filter(isRecord) : [];
    const args = actions.find((a) => a.name === 'setResponseText')?.arguments;
    const text = isRecord(args) ? str(args.body_text) || htmlToText(str(args.body_html)) : '';
    if (!text.trim()) return out.skipped.push({ where, message: 'no setResponseText action, no reply text' });
    const language = str(macro.language);
    out.replies.push({
      title: str(macro.name) || titleFromText(text),
      text: renamePlaceholders(text.trim(), HELPDESK_NAMES, where, out.warnings),
      tags: str(macro.intent) ? [str(macro.intent)] : [],
      locale: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(language) ? language : undefined,
    });
  });
  return out;
}

/** Chatwoot canned responses: `short_code` is what agents type after "/", `content` the reply. */
export function importChatwoot(source: string): ImporterOutput {
  const out = collect();
  const items = itemsOf(parseJson(source), 'payload', (r) => 'short_code' in r, 'Chatwoot canned responses');
  items.forEach((item, index) => {
    const code = str(item.short_code).trim();
    const where = place(`[${index}]`, code);
    const text = str(item.content).trim();
    if (!text) return out.skipped.push({ where, message: 'empty content' });
    const shortcut = code ? shortcutOf(`/${code}`) : null;
    if (code && !shortcut) out.warnings.push({ where, message: 'short code too long or with spaces: no shortcut' });
    out.replies.push({
      title: code || titleFromText(text),
      text: renamePlaceholders(text, HELPDESK_NAMES, where, out.warnings),
      shortcut: shortcut ?? undefined,
    });
  });
  return out;
}

/** Freshdesk canned responses: `title`, `content` (plain) or `content_html`. */
export function importFreshdesk(source: string): ImporterOutput {
  const out = collect();
  const items = itemsOf(
    parseJson(source),
    'canned_responses',
    (r) => 'content' in r || 'content_html' in r,
    'Freshdesk canned responses',
  );
  items.forEach((item, index) => {
    const where = place(`[${index}]`, str(item.title));
    const text = (str(item.content) || htmlToText(str(item.content_html))).trim();
    if (!text) return out.skipped.push({ where, message: 'empty content' });
    if (Array.isArray(item.attachments) && item.attachments.length > 0) {
      out.warnings.push({ where, message: 'attachments are not imported' });
    }
    out.replies.push({
      title: str(item.title) || titleFromText(text),
      text: renamePlaceholders(text, HELPDESK_NAMES, where, out.warnings),
    });
  });
  return out;
}

/** Text Blaze "Export all folders": folders of snippets with `shortcut` and `text` (or `html`). */
export function importTextBlaze(source: string): ImporterOutput {
  const out = collect();
  const doc = parseJson(source);
  const folders = isRecord(doc) && Array.isArray(doc.folders) ? doc.folders.filter(isRecord) : null;
  if (!folders) throw new ImportFormatError('no "folders": [...] list: not a Text Blaze export');
  folders.forEach((folder, f) => {
    const snippets = Array.isArray(folder.snippets) ? folder.snippets.filter(isRecord) : [];
    snippets.forEach((snippet, s) => {
      const where = place(`folders[${f}].snippets[${s}]`, str(snippet.name) || str(snippet.shortcut));
      let text = (str(snippet.text) || htmlToText(str(snippet.html))).trim();
      if (!text) return out.skipped.push({ where, message: 'empty snippet' });
      // Text Blaze commands: {cursor} is Huashu's too; form fields become blanks; dates become {{today}}.
      text = text
        .replace(/\{formtext:[ \t]*name=([^;{}]+)(?:;[^{}]*)?\}/g, (_w, name: string) =>
          /name/i.test(name) ? '{{customer.name}}' : `{{${name.trim().replace(/\s+/g, '_')}}}`,
        )
        .replace(/\{(?:time|date):[^{}]*\}/g, '{{today}}')
        .replace(/\{clipboard\}/g, '{{clipboard}}');
      const unknown = text.match(/\{(?!cursor\})(?!\{)[a-z][\w-]*(?::[^{}]*)?\}/g);
      if (unknown)
        out.warnings.push({ where, message: `Text Blaze commands left as text: ${[...new Set(unknown)].join(', ')}` });
      const shortcut = shortcutOf(str(snippet.shortcut));
      out.replies.push({
        title: str(snippet.name) || str(snippet.shortcut) || titleFromText(text),
        text: renamePlaceholders(text, HELPDESK_NAMES, where, out.warnings),
        shortcut: shortcut ?? undefined,
        tags: str(folder.name) ? [str(folder.name)] : [],
      });
    });
  });
  return out;
}
