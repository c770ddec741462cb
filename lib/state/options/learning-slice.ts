import { message } from '../../i18n/translate';
import type { LearningSlice, OptionsSlice } from './types';

/** The export's file name: the day it was taken, so successive exports sort. */
export function exportFileName(now: Date): string {
  return `huashu-learned-${now.toISOString().slice(0, 10)}.ndjson`;
}

export const createLearningSlice: OptionsSlice<LearningSlice> = (services) => (set, get) => ({
  learning: true,
  learningNote: null,
  setLearning: (on) =>
    get().guard(async () => {
      set({ learning: (await services.saveSettings({ learning: on })).learning !== false, learningNote: null });
    }),
  forgetLearned: () =>
    get().guard(async () => {
      await services.forgetPicks();
      set({ learningNote: message('learning.forgot') });
    }),
  exportLearned: () =>
    get().guard(async () => {
      const text = await services.exportPicks();
      const picks = text.split('\n').filter((line) => line.trim()).length;
      if (picks === 0) {
        set({ learningNote: message('learning.nothing') });
        return;
      }
      const fileName = exportFileName(new Date());
      services.download(fileName, text, 'application/x-ndjson');
      set({
        learningNote: message(picks === 1 ? 'learning.exported.one' : 'learning.exported.other', {
          count: picks,
          file: fileName,
        }),
      });
    }),
});
