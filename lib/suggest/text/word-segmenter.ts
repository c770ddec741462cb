/**
 * The platform's Chinese word segmenter (`Intl.Segmenter`, a dictionary segmenter), or null where the
 * platform has none (Firefox before 125; the Firefox build allows 115): callers then do without it.
 */
export const chineseWordSegmenter: Intl.Segmenter | null =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter('zh', { granularity: 'word' })
    : null;
