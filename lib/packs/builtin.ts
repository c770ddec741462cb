/** The packs shipped in knowledge-packs/, bundled into the extension (validated when seeded). */
import type { Pack } from './schema';
import { validatePack } from './validate';

const files = import.meta.glob<{ default: unknown }>('../../knowledge-packs/*.json', { eager: true });

/** Shipped packs that validate; a broken one is reported and skipped rather than breaking the seed. */
export function builtinPacks(report: (message: string) => void = () => {}): Array<{ file: string; pack: Pack }> {
  const packs: Array<{ file: string; pack: Pack }> = [];
  for (const [path, module] of Object.entries(files)) {
    const file = path.split('/').pop()!;
    const result = validatePack(module.default);
    if (result.ok) packs.push({ file, pack: result.pack });
    else report(`${file}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return packs;
}
