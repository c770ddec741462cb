/**
 * `npm run bench:open`: the issue's "first suggestion after opening the panel with the Tmall pack", timed in real
 * Chromium with the test build of the extension (`npm run build:e2e`). The shipped packs are seeded as on install;
 * a buyer waits on the Taobao replica chat; the side panel page is opened and the time from its navigation to its
 * first suggestion on screen is read inside the page (`performance.now()` when a MutationObserver sees it). That
 * is everything the agent waits for: the panel's scripts, IndexedDB, the packs' cached indexes, the chat read
 * from the page through the background, the ranking and React's render. Opened `BENCH_OPENS` times (default 8);
 * the first open of a fresh profile (no code cache yet) is printed apart from the later ones, which are
 * `BENCH_PAUSE` ms apart (default 1000). Each open stays `BENCH_SETTLE` ms (default 4000) after its first suggestion,
 * and the longest task in that time is printed too (PerformanceObserver `longtask`): what the panel prepares after its
 * first list must not hold up a key, a click or the next message for long.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension, openPanel, ROOT, serveFolder } from '../tests/e2e/harness';

const OPENS = Number(process.env.BENCH_OPENS ?? 8);
/** Another build to time (e.g. a copy of an earlier one, for a paired reading). */
const EXTENSION = process.env.HUASHU_EXTENSION_DIR ?? EXTENSION_DIR;
const CHAT = 'taobao/history.html';
/** How long each open stays after its first suggestion, its long tasks watched (`BENCH_SETTLE`). */
const SETTLE_MS = Number(process.env.BENCH_SETTLE ?? 4000);

/** Milliseconds since the panel page's navigation: its first paint of each part. */
type Marks = { dom: number; shell: number; buyer: number; suggestion: number; longestAfter?: number };
type PanelWindow = Window & { __huashuOpen?: Record<string, number> };

/** In the panel page before its scripts: when the first suggestion and the buyer's name appear. */
function watchFirstPaint(): void {
  const marks: Record<string, number> = {};
  (window as PanelWindow).__huashuOpen = marks;
  // The longest task after the first suggestion: while the panel prepares what the first list did not wait for, an
  // agent's key or click, or the buyer's next message, waits for the task that runs.
  new PerformanceObserver((list) => {
    for (const task of list.getEntries())
      if ('suggestion' in marks && task.startTime + task.duration > marks.suggestion!)
        marks.longestAfter = Math.max(marks.longestAfter ?? 0, task.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => (marks.dom = performance.now()));
  const observer = new MutationObserver(() => {
    if (!('shell' in marks) && document.querySelector('.panel__footer')) marks.shell = performance.now();
    if (!('buyer' in marks) && document.querySelector('[data-testid="buyer-name"]')?.textContent)
      marks.buyer = performance.now();
    if (!('suggestion' in marks) && document.querySelector('[data-testid="suggestion"]')) {
      marks.suggestion = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function main(): Promise<void> {
  console.log(
    '\n== Opening the side panel in Chromium: navigation to first suggestion (Taobao chat, shipped packs) ==',
  );
  if (!existsSync(join(EXTENSION, 'manifest.json')) || !existsSync(CHROMIUM)) {
    console.log(`  skipped: needs the test build (npm run build:e2e) at ${EXTENSION} and Chromium at ${CHROMIUM}`);
    return;
  }
  const { server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites'));
  const browser = await launchWithExtension(EXTENSION);
  try {
    // The background seeds the shipped packs on install; wait until the panel has them ("0 packs" is before), then
    // start afresh.
    const seeding = await openPanel(browser);
    await seeding.waitForFunction(
      () => /[1-9]\d* packs/.test(document.querySelector('.panel__footer')?.textContent ?? ''),
      null,
      {
        timeout: 30_000,
      },
    );
    await seeding.close();
    const chat = await browser.context.newPage();
    await chat.goto(`${origin}/${CHAT}`);
    // The chat's content script reports the buyer to the background on load: give it a second, as an agent's chat
    // has been open a while when the panel opens (a panel opened before that asks again every 2 s).
    await chat.waitForTimeout(1000);
    const times: Array<Marks & { entry: string }> = [];
    for (let i = 0; i < OPENS; i += 1) {
      await chat.bringToFront();
      const panel = await browser.context.newPage();
      await panel.setViewportSize({ width: 400, height: 760 });
      await panel.addInitScript(watchFirstPaint);
      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
      await panel.waitForFunction(() => 'suggestion' in ((window as PanelWindow).__huashuOpen ?? {}), null, {
        timeout: 20_000,
      });
      // What the panel prepares after its first list (search index, phrasebook, translation model) runs meanwhile.
      await panel.waitForTimeout(SETTLE_MS);
      const marks = await panel.evaluate(() => (window as PanelWindow).__huashuOpen as Marks);
      if (process.env.BENCH_MARKS)
        console.log(
          '   ',
          JSON.stringify(marks, (_, v) => (typeof v === 'number' ? Math.round(v) : v)),
        );
      const entry = await panel.evaluate(
        () => (document.querySelector('[data-testid="suggestion"]') as HTMLElement | null)?.dataset.entryId ?? '',
      );
      times.push({ ...marks, entry });
      await panel.close();
      // Without a pause, every second or third open found the closed page's process still busy and read 600–900 ms
      // before its own script ran; an agent does not reopen the panel within a few milliseconds.
      await chat.waitForTimeout(Number(process.env.BENCH_PAUSE ?? 1000));
    }
    const [first, ...later] = times;
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const cells = (m: Marks) =>
      `page loaded ${m.dom.toFixed(0)}, panel drawn ${m.shell.toFixed(0)}, buyer read ${m.buyer.toFixed(0)}, ` +
      `first suggestion ${m.suggestion.toFixed(0)} ms`;
    console.log(`  first open of a fresh profile: ${cells(first!)} (${first!.entry})`);
    if (later.length > 0) {
      const part = (key: keyof Marks) => median(later.map((m) => m[key] ?? 0));
      const suggestions = later.map((m) => m.suggestion);
      console.log(
        `  ${later.length} later opens, medians: ${cells({ dom: part('dom'), shell: part('shell'), buyer: part('buyer'), suggestion: part('suggestion') })}` +
          ` (min ${Math.min(...suggestions).toFixed(0)}, max ${Math.max(...suggestions).toFixed(0)}; target 150 ms)`,
      );
    }
    const longest = times.map((m) => m.longestAfter ?? 0);
    console.log(
      `  longest task in the ${SETTLE_MS / 1000} s after the first suggestion (keys, clicks and the next message wait for` +
        ` it): median ${median([...longest]).toFixed(0)} ms, max ${Math.max(...longest).toFixed(0)} ms over ${times.length} opens`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
