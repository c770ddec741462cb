/** What every importer produces from another tool's export, before it becomes a Huashu pack. */

/** One reply as read from the other tool. */
export interface ImportedReply {
  title: string;
  /** Reply text with Huashu placeholders (`{{customer.name}}`, `{cursor}`). */
  text: string;
  /** The trigger agents type (`/fh`), if the tool has one. */
  shortcut?: string;
  /** Folder, group or category names. */
  tags?: string[];
  /** The reply's language, when the tool records it. */
  locale?: string;
  /** Buyer questions it answers and keywords (only Huashu's own CSV has them). */
  questions?: string[];
  keywords?: string[];
}

/** Something in the file that was not imported, and why (shown to the team lead). */
export interface ImportNote {
  /** Where in the file: `matches[3] (":shell")`, `row 12`, `macros[0] ("Close")`. */
  where: string;
  message: string;
}

export interface ImporterOutput {
  replies: ImportedReply[];
  /** Items left out. */
  skipped: ImportNote[];
  /** Items imported with a change the team lead should check (a variable Huashu cannot fill, …). */
  warnings: ImportNote[];
}

/** Thrown when the file cannot be read as this format at all (bad JSON/YAML, wrong shape). */
export class ImportFormatError extends Error {}

export type Importer = (source: string) => ImporterOutput;
