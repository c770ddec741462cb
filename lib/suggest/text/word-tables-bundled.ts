/**
 * The word tables imported with the importing script, not as chunks: the background's events (a pick to record, a
 * buyer message to redact for the usage log) may read English before any dynamic import resolves, and a service
 * worker cannot import chunks at all. Import this module for its effect.
 */
import { EN_BRIDGE } from './en-bridge.data';
import { EN_RARE_WORDS, EN_WORDS } from './en-words.data';
import { useWordTables } from './word-tables';
import { ZH_ENGLISH } from './zh-english.data';

useWordTables({ enWords: EN_WORDS, enRareWords: EN_RARE_WORDS, enBridge: EN_BRIDGE, zhEnglish: ZH_ENGLISH });
