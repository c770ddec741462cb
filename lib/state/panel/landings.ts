import { finishInTasks, nextTask } from '../../steps';
import type { PanelContext } from './types';

/**
 * Finds, in idle slices, where each phrasebook intent lands in the loaded packs for the chat last ranked
 * (`SuggestEngine.landingSteps`): only later messages' speed changes, never the list. Once the packs' own preparation
 * is done (`context.landings` leaves 'waiting'), and again after a list ranked for another chat's platform or
 * scenarios; one run at a time.
 */
export async function prepareLandings(context: PanelContext): Promise<void> {
  if (context.landings !== 'idle') return;
  context.landings = 'running';
  try {
    while (!context.engine.landingsPrepared) await finishInTasks(context.engine.landingSteps(), nextTask);
  } catch {
    // Each message finds its intents' landings itself, as before.
  } finally {
    context.landings = 'idle';
  }
}
