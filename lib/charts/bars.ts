/**
 * Horizontal grouped bar charts as plain SVG, for the options page's usage report (React renders the
 * layout) and for `kpack report`'s report.html (rendered to a string). Pure: numbers in, shapes out.
 * No chart library: the two places share one layout, the HTML report stays a single offline file, and
 * the extension adds no bytes.
 */

export interface BarSeries {
  name: string;
  color: string;
}

export interface BarChartData {
  title: string;
  /** One row per category (an entry, an agent, a wait bucket). */
  categories: string[];
  series: BarSeries[];
  /** `values[category][series]`. */
  values: number[][];
}

export interface BarLayout {
  width: number;
  height: number;
  bars: Array<{ x: number; y: number; width: number; height: number; color: string; title: string }>;
  labels: Array<{ x: number; y: number; text: string; anchor: 'start' | 'end'; size: number }>;
  legend: Array<{ x: number; y: number; color: string; text: string }>;
}

const LABEL_WIDTH = 170;
const BAR = 9;
const GAP = 8;
const TOP = 24;

const shorten = (text: string, max = 24) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

export function layoutBars(data: BarChartData, width = 560): BarLayout {
  const max = Math.max(1, ...data.values.flat());
  const plot = width - LABEL_WIDTH - 40;
  const rowHeight = data.series.length * BAR + GAP;
  const bars: BarLayout['bars'] = [];
  const labels: BarLayout['labels'] = [];
  data.categories.forEach((category, row) => {
    const top = TOP + row * rowHeight;
    labels.push({
      x: LABEL_WIDTH - 6,
      y: top + (data.series.length * BAR) / 2 + 4,
      text: shorten(category),
      anchor: 'end',
      size: 11,
    });
    data.series.forEach((series, i) => {
      const value = data.values[row]?.[i] ?? 0;
      const w = (value / max) * plot;
      const y = top + i * BAR;
      bars.push({
        x: LABEL_WIDTH,
        y,
        width: w,
        height: BAR - 1,
        color: series.color,
        title: `${category} — ${series.name}: ${value}`,
      });
      if (value > 0)
        labels.push({ x: LABEL_WIDTH + w + 3, y: y + BAR - 1, text: String(value), anchor: 'start', size: 9 });
    });
  });
  let x = 0;
  const legend = data.series.map((s) => {
    const item = { x, y: 6, color: s.color, text: s.name };
    x += 16 + s.name.length * 7 + 14;
    return item;
  });
  return { width, height: TOP + data.categories.length * rowHeight + 4, bars, labels, legend };
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The same chart as an SVG string (report.html). */
export function barChartSvg(data: BarChartData, width = 560): string {
  const layout = layoutBars(data, width);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(data.title)}" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="sans-serif">`,
    ...layout.legend.map(
      (l) =>
        `<rect x="${l.x}" y="${l.y}" width="12" height="10" fill="${l.color}"/><text x="${l.x + 16}" y="${l.y + 9}" font-size="11">${escape(l.text)}</text>`,
    ),
    ...layout.bars.map(
      (b) =>
        `<rect x="${b.x}" y="${b.y}" width="${b.width.toFixed(1)}" height="${b.height}" fill="${b.color}"><title>${escape(b.title)}</title></rect>`,
    ),
    ...layout.labels.map(
      (l) =>
        `<text x="${l.x.toFixed(1)}" y="${l.y}" font-size="${l.size}" text-anchor="${l.anchor}">${escape(l.text)}</text>`,
    ),
    '</svg>',
  ];
  return parts.join('');
}

/** The funnel colours, the same in the options page and report.html. */
export const FUNNEL_SERIES: BarSeries[] = [
  { name: 'suggested', color: '#9db7d5' },
  { name: 'inserted', color: '#3b73b9' },
  { name: 'edited', color: '#e0a030' },
  { name: 'sent as is', color: '#3a9a5b' },
];
