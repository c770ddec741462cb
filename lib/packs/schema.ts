/**
 * The knowledge-pack format `huashu-pack/1`: the single definition from which the TypeScript types,
 * the validator and the published JSON Schema (knowledge-packs/schema/) are all derived.
 */
import { z } from 'zod';

const PACK_FORMAT = 'huashu-pack/1';

/** Platforms a pack, entry or reply can be limited to. `taobao` covers Tmall and 千牛 too. */
export const PLATFORMS = ['taobao', 'jd', 'shopify', 'pdd', 'generic'] as const;
export type Platform = (typeof PLATFORMS)[number];

const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

const id = z
  .string()
  .regex(ID_PATTERN, 'must be a non-empty id of letters, digits, "-", "_" or "."')
  .describe('Letters, digits, "-", "_" and "."');

const text = z.string().trim().min(1, 'must not be empty');

const isoDate = z
  .string()
  .regex(DATE_PATTERN, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'is not a real date');

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const locale = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a locale tag such as zh-CN or en');

const platform = z.enum(PLATFORMS);

const factScalar = z.union([z.string(), z.number(), z.boolean()]);

const factSchema = z.union(
  [
    factScalar,
    z.object({
      value: factScalar,
      label: z.string().optional().describe('Human name, e.g. 价保天数'),
      unit: z.string().optional().describe('Unit written after the value, e.g. 天'),
      keywords: z
        .array(text)
        .optional()
        .describe('Words near which a hard-coded number contradicting this fact is reported by lint'),
    }),
  ],
  { error: 'must be a string, a number, true/false or { "value": … }' },
);

/** What the chat pane tells about where the buyer is: before the order, or after it was placed. */
export const SCENARIO_STAGES = ['presale', 'aftersale'] as const;

const scenarioSchema = z
  .object({
    id,
    name: text,
    from: isoDate.optional().describe('First active day (inclusive, local time)'),
    to: isoDate.optional().describe('Last active day (inclusive, local time)'),
    description: z.string().optional(),
    when: z
      .object({
        stage: z
          .enum(SCENARIO_STAGES)
          .optional()
          .describe('presale: no order yet; aftersale: the pane shows an order paid, shipped or received'),
        vip: z
          .boolean()
          .optional()
          .describe("true: the buyer's badges show a member tier (淘气值, 会员等级, a VIP tag)"),
      })
      .optional()
      .describe('Switched on by itself when the open chat shows this (the agent can switch it off for one chat)'),
  })
  .refine((s) => !(s.from && s.to) || s.from <= s.to, {
    message: '"from" must not be after "to"',
    path: ['to'],
  });

const replySchema = z.object({
  text: text.describe('Reply text; may hold {{facts.x}}, {{customer.name|亲}}, {{today+3}}, {cursor}'),
  locale: locale.optional().describe("Defaults to the pack's locale"),
  platforms: z.array(platform).optional(),
  scenarios: z.array(id).optional(),
});

const ENTRY_KINDS = ['reply', 'card'] as const;

const entrySchema = z.object({
  id,
  title: text,
  kind: z.enum(ENTRY_KINDS).default('reply'),
  questions: z.array(text).default([]),
  keywords: z.array(text).default([]),
  replies: z.array(replySchema).min(1, 'needs at least one reply'),
  scenarios: z.array(id).default([]),
  platforms: z.array(platform).default([]),
  products: z
    .array(text)
    .optional()
    .describe(
      'Items this entry answers for: title fragments or item codes, matched in the product the buyer asks about after width and case are normalised; without it the entry is generic',
    ),
  tags: z.array(text).default([]),
  shortcut: z
    .string()
    .regex(/^\S{1,32}$/, 'must be 1–32 characters without spaces, e.g. /fh')
    .optional(),
  cause: z.string().optional(),
  resolution: z.string().optional(),
  priority: z.number().min(-10).max(10).default(0),
});

export const packSchema = z.object({
  format: z.literal(PACK_FORMAT, { error: `must be "${PACK_FORMAT}"` }),
  id,
  name: text,
  version: z.string().regex(VERSION_PATTERN, 'must be MAJOR.MINOR.PATCH, e.g. 1.4.0'),
  locale: locale
    .optional()
    .describe(
      "Language of the questions and default of the replies; without it, read from the entries' text: zh-CN when they are mostly Chinese, else en",
    ),
  platforms: z.array(platform).default([]),
  description: z.string().optional(),
  author: z.string().optional(),
  updatedAt: isoDate.optional(),
  facts: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'fact names are letters, digits and _'), factSchema)
    .default({}),
  scenarios: z.array(scenarioSchema).default([]),
  synonyms: z
    .array(z.array(text).min(2, 'a synonym group needs at least two words'))
    .default([])
    .describe(
      'Groups of words buyers use for the same thing, e.g. ["快递费", "邮费", "运费"]: a buyer who writes one matches entries that say another',
    ),
  sites: z
    .array(
      z.string().regex(/^https?:\/\/[^/\s:@]+(?::\d+)?$/, 'an origin such as https://support.example.com (no path)'),
    )
    .default([])
    .describe(
      'Help desks and web chats the team works in (origins): the options page offers to turn Huashu on for them',
    ),
  compliance: z
    .object({
      allow: z
        .array(text)
        .default([])
        .describe('Words the pack must use that a compliance rule would flag, e.g. a brand name with 顶级'),
    })
    .optional()
    .describe('Compliance checks of replies (off-platform contact, absolute claims, efficacy promises)'),
  entries: z.array(entrySchema),
});

/** A pack as written in the file (optional fields may be missing). */
export type PackInput = z.input<typeof packSchema>;
/** A validated pack with every default filled in (the locale by `validatePack`, from the text when the file has none). */
export type Pack = Omit<z.output<typeof packSchema>, 'locale'> & { locale: string };
export type Entry = Pack['entries'][number];
export type Reply = Entry['replies'][number];
type Fact = z.output<typeof factSchema>;
type FactValue = z.output<typeof factScalar>;

/** The field names the format knows, per object kind: anything else is reported by lint. */
export const KNOWN_FIELDS = {
  pack: Object.keys(packSchema.shape),
  entry: Object.keys(entrySchema.shape),
  reply: Object.keys(replySchema.shape),
  scenario: ['id', 'name', 'from', 'to', 'description', 'when'],
  fact: ['value', 'label', 'unit', 'keywords'],
} as const;

/** The JSON Schema published for editors and other tools. */
export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://huashu.dev/schema/huashu-pack-1.schema.json',
    title: 'Huashu knowledge pack (huashu-pack/1)',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** Reads a fact's value whether it was written as a scalar or as `{ value, … }`. */
export function factValue(fact: Fact): FactValue {
  return typeof fact === 'object' ? fact.value : fact;
}
