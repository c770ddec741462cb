/**
 * Before every unit and component test file: the shipped buyer phrasebook loaded, as the CLI and the panel load it
 * (lib/suggest/rank/shipped-phrasebook.ts), so an engine made without a `phrasebook` option ranks with it, and the
 * word tables of English reading (lib/suggest/text/word-tables.ts).
 */
import { loadShippedPhrasebook } from '../lib/suggest/rank/shipped-phrasebook';
import { loadWordTables } from '../lib/suggest/text/word-tables';

await Promise.all([loadShippedPhrasebook(), loadWordTables()]);
