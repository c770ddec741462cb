/**
 * Reply templates: `{{facts.x}}`, page variables with fallbacks (`{{customer.name|亲}}`), date math
 * (`{{today+3}}`) and the `{cursor}` caret marker. Pure: the caller passes facts, page values and "now".
 */

/** Page variables a chat adapter can fill; anything else in `{{ }}` must be a fact. */
const PAGE_VARIABLES = [
  'customer.name',
  'customer.id',
  'order.id',
  'product.title',
  'agent.name',
  'shop.name',
  'platform',
] as const;
type PageVariable = (typeof PAGE_VARIABLES)[number];
export type PageValues = Partial<Record<PageVariable, string>>;

const CURSOR_MARKER = '{cursor}';

// One character class for the name (spaces included, trimmed in code): `\s*` on both sides of a lazy name
// backtracked cubically on `{{` followed by thousands of spaces.
const PLACEHOLDER = /\{\{([^{}|]+)(?:\|([^{}]*))?\}\}/g;
const DATE_VARIABLE = /^today(?:\s*([+-])\s*(\d{1,4}))?$/;

interface Placeholder {
  /** The variable name, e.g. `facts.shipWithinHours`, `customer.name`, `today+3`. */
  name: string;
  /** Text after `|`, used when the variable has no value. */
  fallback?: string;
  /** Offset of `{{` in the template. */
  index: number;
  /** The whole `{{…}}` as written. */
  raw: string;
}

/** Every `{{…}}` in a template, in order. */
export function findPlaceholders(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    found.push({
      name: match[1]!.trim(),
      fallback: match[2] === undefined ? undefined : match[2],
      index: match.index,
      raw: match[0],
    });
  }
  return found;
}

/** Whether a variable name can ever be filled: a page variable, a date, or `facts.<known>`. */
export function isKnownVariable(name: string, factNames: ReadonlySet<string>): boolean {
  if ((PAGE_VARIABLES as readonly string[]).includes(name)) return true;
  if (DATE_VARIABLE.test(name)) return true;
  return name.startsWith('facts.') && factNames.has(name.slice('facts.'.length));
}

/** Formats a date for a reply: `11月27日` in Chinese, `Nov 27` in other locales. */
function formatReplyDate(date: Date, locale: string): string {
  if (locale.toLowerCase().startsWith('zh')) return `${date.getMonth() + 1}月${date.getDate()}日`;
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(date);
  }
}

interface RenderInput {
  template: string;
  facts: Readonly<Record<string, string | number | boolean>>;
  page?: PageValues;
  /** Locale of the reply variant, for dates. */
  locale: string;
  now?: Date;
}

interface RenderResult {
  /** Text with every variable filled (a variable with no value and no fallback is left as written). */
  text: string;
  /** Variables that had no value and no fallback, so the agent must fill them in. */
  missing: string[];
  /** Offset of the caret after insertion (where `{cursor}` was), or null for the end. */
  cursor: number | null;
}

function resolveVariable(name: string, input: RenderInput): string | undefined {
  const date = DATE_VARIABLE.exec(name);
  if (date) {
    const now = input.now ?? new Date();
    const days = date[2] ? Number(date[2]) * (date[1] === '-' ? -1 : 1) : 0;
    const target = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    return formatReplyDate(target, input.locale);
  }
  if (name.startsWith('facts.')) {
    const value = input.facts[name.slice('facts.'.length)];
    return value === undefined ? undefined : String(value);
  }
  const value = input.page?.[name as PageVariable];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Fills a reply template. */
export function renderTemplate(input: RenderInput): RenderResult {
  const missing: string[] = [];
  const filled = input.template.replace(PLACEHOLDER, (raw, rawName: string, fallback?: string) => {
    const name = rawName.trim();
    const value = resolveVariable(name, input);
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    if (!missing.includes(name)) missing.push(name);
    return raw;
  });
  const cursorAt = filled.indexOf(CURSOR_MARKER);
  const text = filled.split(CURSOR_MARKER).join('');
  return { text, missing, cursor: cursorAt === -1 ? null : cursorAt };
}
