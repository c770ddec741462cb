// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../lib/adapters/generic/adapter';
import { genericSelectors } from '../../lib/adapters/generic/selectors';
import { answerInsert } from '../../lib/content/insert-request';
import { watchSelection } from '../../lib/content/selection';
import type { ConversationReport } from '../../lib/chats/types';

const selectors = { editable: genericSelectors.editable!, lastFocused: genericSelectors.lastFocused! };

function page() {
  document.body.innerHTML =
    '<p id="q">Customer asks: when will my order ship?</p><p id="q2">Can I pay with PayPal?</p><textarea id="reply"></textarea><input type="checkbox" id="box">';
  const reports: ConversationReport[] = [];
  const watcher = watchSelection({
    root: document,
    adapter: genericAdapter,
    selectors,
    report: (r) => reports.push(r),
  });
  return { reports, watcher };
}

function select(id: string) {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id)!);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

describe('watchSelection (any other page)', () => {
  it('reports the selected text as the buyer question, with no text box yet', () => {
    const { watcher } = page();
    select('q');
    const report = watcher.readNow();
    expect(report.conversation?.messages).toEqual([
      { id: 'selection', role: 'buyer', text: 'Customer asks: when will my order ship?', kind: 'text' },
    ]);
    expect(report.hasComposer).toBe(false);
    expect(report.siteLabel).toBe('This page');
    watcher.stop();
  });

  it('keeps the question when the agent clicks into the reply box, and marks that box as the composer', () => {
    const { watcher, reports } = page();
    select('q');
    watcher.readNow();
    document.getSelection()!.removeAllRanges();
    document.getElementById('reply')!.focus();
    const last = reports.at(-1)!;
    expect(last.conversation?.messages[0]?.text).toBe('Customer asks: when will my order ship?');
    expect(last.hasComposer).toBe(true);
    expect(genericAdapter.getComposer(document)?.id).toBe('reply');
    // A checkbox is not a text box.
    document.getElementById('box')!.focus();
    expect(genericAdapter.getComposer(document)?.id).toBe('reply');
    watcher.stop();
  });

  it('marks the reply box the agent clicked inside an open shadow root, and only the last one clicked', () => {
    // A page of its own: a document's shadow roots are looked up at most once a second.
    const doc = new JSDOM('<textarea id="light"></textarea><reply-widget></reply-widget>').window.document;
    const shadow = doc.querySelector('reply-widget')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<textarea id="inside"></textarea>';
    const watcher = watchSelection({ root: doc, adapter: genericAdapter, selectors, report: () => {} });
    shadow.getElementById('inside')!.focus();
    expect(genericAdapter.getComposer(doc)?.id).toBe('inside');
    doc.getElementById('light')!.focus();
    expect(genericAdapter.getComposer(doc)?.id).toBe('light');
    expect(shadow.getElementById('inside')!.hasAttribute('data-huashu-focus')).toBe(false);
    watcher.stop();
  });

  it('reads once per click: later selections on the page reach neither the panel nor the log', () => {
    const { watcher, reports } = page();
    select('q');
    watcher.readNow();
    select('q2');
    document.getElementById('reply')!.focus();
    expect(reports.map((r) => r.conversation?.messages[0]?.text)).toEqual([
      'Customer asks: when will my order ship?',
      'Customer asks: when will my order ship?',
    ]);
    expect(watcher.current().conversation?.messages[0]?.text).toBe('Customer asks: when will my order ship?');
    // The next click reads the selection of that moment.
    select('q2');
    watcher.readNow();
    expect(reports.at(-1)!.conversation?.messages[0]?.text).toBe('Can I pay with PayPal?');
    watcher.stop();
  });
});

describe('answerInsert', () => {
  it('says to click into a text box when a generic page has none', async () => {
    document.body.innerHTML = '<p>nothing editable</p>';
    const outcome = await answerInsert(document, genericAdapter, {}, { text: 'hi', cursor: null });
    expect(outcome).toMatchObject({ ok: false, method: 'none' });
    expect(outcome.message).toContain('click into the reply box');
  });
});
