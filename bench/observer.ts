/**
 * `npm run bench:observer`: the content script's cost per new message as the history grows. A JD
 * replica pane (jsdom) holds N messages; one buyer message is appended at a time and the watcher's
 * work until its report is timed. The watcher parses only added bubbles, so the cost stays flat.
 */
import { JSDOM } from 'jsdom';
import { jdAdapter } from '../lib/adapters/jd/adapter';
import { watchConversation } from '../lib/content/watcher';

function pane(messages: number): Document {
  const bubbles = Array.from(
    { length: messages },
    (_, i) =>
      `<div class="message ${i % 2 ? 'message_right' : 'message_left'}" id="s_${i}"><div class="message__time_str">10:${String(i % 60).padStart(2, '0')}</div><pre class="message__text"><span class="message__content">第${i}条消息 什么时候发货</span></pre></div>`,
  ).join('');
  const html = `<div class="chat-head"><div class="chat-head-title"><span class="chat-head-name">jd_bench</span></div></div>
<div id="t-chat-scroll"><div><div class="c-wrap"><div class="c-c">${bubbles}</div></div></div></div>
<div class="chat-foot"><div class="pell-editor-wrapper"><div class="EditorContent" contenteditable="true"></div></div></div>`;
  return new JSDOM(`<!doctype html><body>${html}</body>`, { url: 'https://dongdong.jd.com/' }).window.document;
}

function bubble(doc: Document, i: number): Element {
  const element = doc.createElement('div');
  element.className = 'message message_left';
  element.id = `s_new_${i}`;
  element.innerHTML = `<pre class="message__text"><span class="message__content">新消息${i} 能开发票吗</span></pre>`;
  return element;
}

/** The same appends with no watcher: what the DOM itself costs (jsdom's grows with the children). */
async function baseline(history: number, appends = 200): Promise<number> {
  const doc = pane(history);
  const list = jdAdapter.getMessageList(doc)!;
  const times: number[] = [];
  for (let i = 0; i < appends; i += 1) {
    const start = performance.now();
    list.append(bubble(doc, i));
    await new Promise((resolve) => setTimeout(resolve, 0));
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Medians, not means: one garbage collection during an append would otherwise swing the difference. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

async function costPerMessage(
  history: number,
  appends = 200,
): Promise<{ ms: number; parsed: number; fullReads: number }> {
  const doc = pane(history);
  let resolveReport: () => void = () => {};
  const watcher = watchConversation({ root: doc, adapter: jdAdapter, delay: 0, report: () => resolveReport() });
  await new Promise<void>((resolve) => {
    resolveReport = resolve;
  });
  const list = jdAdapter.getMessageList(doc)!;
  const before = { ...watcher.stats };
  const times: number[] = [];
  for (let i = 0; i < appends; i += 1) {
    const reported = new Promise<void>((resolve) => (resolveReport = resolve));
    const start = performance.now();
    list.append(bubble(doc, i));
    await reported;
    times.push(performance.now() - start);
  }
  watcher.stop();
  return {
    ms: median(times),
    parsed: (watcher.stats.messagesParsed - before.messagesParsed) / appends,
    fullReads: watcher.stats.fullReads - before.fullReads,
  };
}

console.log('Content-script cost per new message (JD replica in jsdom, median of 200 appends each)');
console.log('  messages in pane   append+report ms   DOM alone ms   watcher ms   bubbles parsed/msg   full re-reads');
// One unmeasured round first: the first pane measured would otherwise pay for the JIT warming up.
await costPerMessage(20, 100);
await baseline(20, 100);
for (const history of [20, 200, 2000]) {
  const { ms, parsed, fullReads } = await costPerMessage(history);
  const dom = await baseline(history);
  console.log(
    `  ${String(history).padStart(16)}   ${ms.toFixed(2).padStart(16)}   ${dom.toFixed(2).padStart(12)}   ${(ms - dom).toFixed(2).padStart(10)}   ${parsed.toFixed(2).padStart(18)}   ${String(fullReads).padStart(13)}`,
  );
}
