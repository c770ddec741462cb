import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StoreApi } from 'zustand/vanilla';
import { ErrorBanner } from '@/components/ErrorBanner';
import { LanguageSetting } from '@/components/LanguageSetting';
import { LearningSettings } from '@/components/LearningSettings';
import { PackImport } from '@/components/PackImport';
import { PackTable } from '@/components/PackTable';
import { PolicySection } from '@/components/PolicySection';
import { SelectorOverrides } from '@/components/SelectorOverrides';
import { UsageReport } from '@/components/UsageReport';
import { LocaleProvider, useText } from '@/components/text-context';
import { WaitSettings } from '@/components/WaitSettings';
import type { OptionsState } from '@/lib/state/options/types';

/** Team-lead page: import, subscribe to, enable, sync and remove packs; usage; selector overrides. */
export function App({ store, children }: { store: StoreApi<OptionsState>; children?: ReactNode }) {
  const locale = useStore(store, (s) => s.locale);
  return (
    <LocaleProvider value={locale}>
      <OptionsPage store={store}>{children}</OptionsPage>
    </LocaleProvider>
  );
}

function OptionsPage({ store, children }: { store: StoreApi<OptionsState>; children?: ReactNode }) {
  const t = useText();
  useEffect(() => store.getState().start(), [store]);
  useEffect(() => {
    document.title = t('options.pageTitle');
    document.documentElement.lang = t.locale;
  }, [t]);
  const error = useStore(store, (s) => s.error);
  const imports = useStore(
    store,
    useShallow((s) => ({ busy: s.busy, report: s.report, review: s.review })),
  );
  const table = useStore(
    store,
    useShallow((s) => ({ packs: s.packs, syncing: s.syncing })),
  );
  const usage = useStore(
    store,
    useShallow((s) => ({ report: s.usage, days: s.usageDays, logging: s.usageLog })),
  );
  const selectors = useStore(
    store,
    useShallow((s) => ({ sites: s.sites, overrides: s.overrides })),
  );
  const learning = useStore(
    store,
    useShallow((s) => ({ learning: s.learning, note: s.learningNote })),
  );
  const wait = useStore(store, (s) => s.wait);
  const uiLanguage = useStore(store, (s) => s.uiLanguage);
  const policy = useStore(store, (s) => s.policy);
  // Actions never change: read them once from the store.
  const actions = store.getState();

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <ErrorBanner message={error} />
      <LanguageSetting value={uiLanguage} onChange={(language) => void actions.setUiLanguage(language)} />
      <PolicySection view={policy} />
      <PackImport
        {...imports}
        onFile={(file) => void actions.importFile(file)}
        onApply={() => void actions.applyReview()}
        onCancel={() => actions.cancelReview()}
        onSubscribe={(url, publicKey) => void actions.subscribe(url, { publicKey })}
        onAllowAccess={(origin) => void actions.allowSubscribeAccess(origin)}
        onReplace={() => void actions.replaceSubscribed()}
      />
      <section>
        <h2>{t('options.packs')}</h2>
        <PackTable
          {...table}
          onSync={(id) => void actions.syncPacks([id])}
          onAllowAccess={(origin, id) => void actions.allowSyncAccess(origin, id)}
          onToggle={(id, enabled) => void actions.setPackEnabled(id, enabled)}
          onRemove={(id) => void actions.removePack(id)}
          onReviewUpdates={(id, review) => void actions.setReviewUpdates(id, review)}
          onReview={(id) => void actions.reviewUpdate(id)}
        />
      </section>
      <UsageReport
        {...usage}
        loggingLocked={policy.locked.includes('usageLog')}
        retentionDays={policy.policy?.usageRetentionDays}
        onDays={(days) => void actions.setUsageDays(days)}
        onLogging={(on) => void actions.setUsageLog(on)}
        onClear={() => void actions.clearUsage()}
        onExport={(format, agent) => void actions.exportUsage(format, agent)}
        onExportCsv={() => actions.exportUsageCsv()}
        onExportLog={(agent) => void actions.exportUsageLog(agent)}
      />
      <LearningSettings
        {...learning}
        locked={policy.locked.includes('learning')}
        onToggle={(on) => void actions.setLearning(on)}
        onForget={() => void actions.forgetLearned()}
        onExport={() => void actions.exportLearned()}
      />
      <WaitSettings
        key={`${wait.amberSeconds}:${wait.redSeconds}`}
        wait={wait}
        onSave={(amber, red) => void actions.saveWaitThresholds(amber, red)}
      />
      <SelectorOverrides {...selectors} onSave={(platform, value) => void actions.saveOverrides(platform, value)} />
      {children}
    </main>
  );
}
