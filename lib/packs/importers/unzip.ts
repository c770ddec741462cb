/**
 * Unpacking a workbook under a budget. An .xlsx is a zip archive, and a 1.2 MB archive can inflate to
 * a gigabyte: entries are inflated as a stream, a few kilobytes of input at a time, and the whole
 * archive is refused as soon as its unpacked size passes the budget or the ratio, before the memory is
 * spent. Only fflate's synchronous decoder is used: its async APIs start a blob Worker for big entries,
 * which an MV3 service worker and the extension's CSP do not allow (the import would wait forever).
 */
import { Unzip, UnzipInflate, UnzipPassThrough, zipSync, type UnzipFile } from 'fflate';
import { ImportFormatError } from './types';

export interface UnzipLimits {
  /** Unpacked bytes of all kept entries together. */
  maxTotalBytes: number;
  /** Unpacked size over archive size, checked once past `ratioFloorBytes`. */
  maxRatio: number;
  /** Below this many unpacked bytes the ratio is not checked (tiny archives compress very well). */
  ratioFloorBytes: number;
  /** Entries in the archive (kept or not). */
  maxEntries: number;
}

/**
 * A 千牛 export of thousands of replies unpacks to a few megabytes; 30 MB leaves room for Excel's own
 * parts, and XML rarely compresses beyond 100:1 (a zip bomb reaches 1,000:1).
 */
export const WORKBOOK_LIMITS: UnzipLimits = {
  maxTotalBytes: 30 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 2 * 1024 * 1024,
  maxEntries: 2000,
};

/** Input handed to the inflater at once: bounds the output of one step to ~1,000 times this. */
const INPUT_CHUNK = 4096;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * The archive's entries whose names `keep` accepts, inflated under `limits`. Throws `ImportFormatError`
 * naming the limit when the archive would unpack beyond it, or when it is not a readable zip.
 */
export function unzipWithBudget(
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  limits: UnzipLimits = WORKBOOK_LIMITS,
): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  let total = 0;
  let count = 0;
  let refused: ImportFormatError | null = null;
  const refuse = (message: string) => {
    refused ??= new ImportFormatError(message);
    throw refused;
  };

  const unzip = new Unzip((file: UnzipFile) => {
    count += 1;
    if (count > limits.maxEntries) refuse(`the workbook has more than ${limits.maxEntries} parts: not read`);
    if (!keep(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8)
      refuse(`the workbook part ${file.name} uses an unknown compression (${file.compression})`);
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) refuse(`not a readable .xlsx workbook: ${error.message}`);
      total += data.length;
      if (total > limits.maxTotalBytes)
        refuse(
          `the workbook unpacks to more than ${megabytes(limits.maxTotalBytes)} (it is ${megabytes(bytes.length)} packed): not read`,
        );
      if (total > limits.ratioFloorBytes && total > limits.maxRatio * bytes.length)
        refuse(
          `the workbook unpacks to over ${limits.maxRatio} times its size (${megabytes(bytes.length)} packed): not read`,
        );
      if (data.length > 0) chunks.push(data);
      if (final) entries[file.name] = concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  try {
    for (let offset = 0; offset < bytes.length; offset += INPUT_CHUNK) {
      const end = Math.min(bytes.length, offset + INPUT_CHUNK);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (refused) throw refused;
    throw new ImportFormatError(`not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  if (refused) throw refused;
  return entries;
}

/**
 * The workbook's XML parts, unpacked under the budget and packed again without compression, for a
 * reader that unzips by itself: stored entries are copied, never inflated, so no Worker starts.
 */
export function storedWorkbook(bytes: Uint8Array, limits: UnzipLimits = WORKBOOK_LIMITS): Uint8Array {
  const parts = unzipWithBudget(bytes, (name) => name.endsWith('.xml') || name.endsWith('.rels'), limits);
  return zipSync(parts, { level: 0 });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
