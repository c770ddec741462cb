/**
 * Runs inside a replica page (bundled by layout.e2e.test.ts): reads the page with its site adapter, then hashes every
 * class name away (in the style sheets too, so the layout stays as it was) and drops ids, roles, labels, titles and
 * data attributes — a build that keeps nothing readable — and reads it again by layout alone.
 */
import { readLayoutConversation } from '../../lib/adapters/layout';
import { SITE_ADAPTERS } from '../../lib/adapters/registry';

/** Renames every class consistently (`message_left` → `_3k9`), in the page's `<style>` sheets and on its elements. */
function hashAway(doc: Document): void {
  const names = new Map<string, string>();
  const hashed = (name: string) => {
    if (!names.has(name)) names.set(name, `_${(((names.size + 1) * 2654435761) >>> 0).toString(36)}`);
    return names.get(name)!;
  };
  const roots: Array<Document | ShadowRoot> = [doc];
  for (const element of Array.from(doc.querySelectorAll('*'))) if (element.shadowRoot) roots.push(element.shadowRoot);
  const elements = roots.flatMap((root) => Array.from(root.querySelectorAll('*')));
  for (const element of elements) element.classList.forEach(hashed);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const longestFirst = [...names].sort((a, b) => b[0].length - a[0].length);
  for (const root of roots)
    for (const style of Array.from(root.querySelectorAll('style'))) {
      let css = style.textContent ?? '';
      for (const [name, hash] of longestFirst)
        css = css.replace(new RegExp(`\\.${escape(name)}(?![\\w-])`, 'g'), `.${hash}`);
      style.textContent = css;
    }
  for (const element of elements) {
    if (element.tagName === 'STYLE' || element.tagName === 'SCRIPT') continue;
    if (element.classList.length) element.setAttribute('class', Array.from(element.classList, hashed).join(' '));
    for (const { name } of Array.from(element.attributes))
      if (/^(?:id|role|title|data-.*|aria-.*)$/.test(name)) element.removeAttribute(name);
  }
}

export interface LayoutComparison {
  /** The adapter's reading of the original page (`b:` buyer, `a:` agent, `s:` system, then the text). */
  original: string[];
  /** The layout reader's reading of the hashed page. */
  byLayout: string[];
}

export function compareWithLayout(platform: string): LayoutComparison {
  const adapter = SITE_ADAPTERS.find((a) => a.platform === platform)!;
  const line = (m: { role: string; text: string }) => `${m.role[0]}:${m.text}`;
  const original = (adapter.readConversation(document)?.messages ?? []).map(line);
  hashAway(document);
  const byLayout = (readLayoutConversation(document, adapter.platform)?.messages ?? []).map(line);
  return { original, byLayout };
}
