import { useCallback, useEffect, useState } from 'react';
import { PackImport, type ImportReportView } from '@/components/PackImport';
import { PackTable } from '@/components/PackTable';
import { SelectorOverrides, type SiteSelectors } from '@/components/SelectorOverrides';
import { UsageReport } from '@/components/UsageReport';
import type { ImportResult, PackSummary } from '@/lib/packs/types';
import type { Settings } from '@/lib/settings';
import type { UsageReport as Report } from '@/lib/usage/report';

export interface OptionsServices {
  listPacks(): Promise<PackSummary[]>;
  /** Imports a chosen file (a pack, another tool's export, an Excel workbook) from its bytes. */
  importFile(fileName: string, bytes: Uint8Array): Promise<ImportResult>;
  setPackEnabled(id: string, enabled: boolean): Promise<PackSummary[]>;
  removePack(id: string): Promise<PackSummary[]>;
  subscribePack(url: string): Promise<ImportResult>;
  syncPacks(ids: string[]): Promise<PackSummary[]>;
  /** `permissions.request` for the origin's host; only works when called within a click. */
  requestAccess(origin: string): Promise<boolean>;
  /** Calls `listener` when the background changed packs (the hourly sync, another page); returns the unsubscribe. */
  onPacksChanged(listener: () => void): () => void;
  getSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  usageReport(days: number): Promise<Report>;
  /** The site adapters' built-in selectors. */
  sites: SiteSelectors[];
}

/** What the import report shows for a file import or a subscription: the same for both. */
function reportOf(name: string, result: ImportResult): ImportReportView {
  if (!result.ok) {
    return {
      fileName: name,
      ok: false,
      errors: result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
      warnings: [],
      ...(result.accessOrigin ? { accessOrigin: result.accessOrigin } : {}),
    };
  }
  return {
    fileName: name,
    ok: true,
    errors: [],
    warnings: [
      ...(result.converted?.notes ?? []),
      ...result.warnings.map((w) => `${w.path ? `${w.path}: ` : ''}${w.message} [${w.rule}]`),
    ],
    summary:
      `imported “${result.pack.name}” ${result.pack.version}, ${result.pack.entries} entries` +
      (result.converted ? ` converted from a ${result.converted.format} export` : '') +
      (result.replaced ? ` (replaced ${result.replaced})` : ''),
  };
}

/** Team-lead page: import, subscribe to, enable, sync and remove packs. */
export function App({ services }: { services: OptionsServices }) {
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [syncing, setSyncing] = useState<string[]>([]);
  const [lastUrl, setLastUrl] = useState('');
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Settings['selectorOverrides']>({});
  const [usageDays, setUsageDays] = useState(7);
  const [usage, setUsage] = useState<Report | null>(null);

  const guard = useCallback(async (work: () => Promise<void>) => {
    try {
      setError(null);
      await work();
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    services.listPacks().then(setPacks, (e: Error) => setError(e.message));
    services.getSettings().then(
      (s) => setOverrides(s.selectorOverrides),
      (e: Error) => setError(e.message),
    );
  }, [services]);

  // The shipped packs are seeded, and subscribed packs synced, while this page may be open.
  useEffect(
    () => services.onPacksChanged(() => void services.listPacks().then(setPacks, (e: Error) => setError(e.message))),
    [services],
  );

  useEffect(() => {
    services.usageReport(usageDays).then(setUsage, (e: Error) => setError(e.message));
  }, [services, usageDays]);

  const saveOverrides = (platform: string, value: Record<string, string>) =>
    void guard(async () => {
      const next = { ...overrides, [platform]: value };
      setOverrides((await services.saveSettings({ selectorOverrides: next })).selectorOverrides);
    });

  /** A file import and a subscription end the same way: the report, and the table when it worked. */
  const importing = (name: string, run: () => Promise<ImportResult>) =>
    void guard(async () => {
      setBusy(true);
      try {
        const result = await run();
        setReport(reportOf(name, result));
        if (result.ok) setPacks(await services.listPacks());
      } finally {
        setBusy(false);
      }
    });

  const onFile = (file: File) =>
    importing(file.name, async () => services.importFile(file.name, new Uint8Array(await file.arrayBuffer())));

  const onSubscribe = (url: string) => {
    setLastUrl(url);
    importing(url || '(no address)', () => services.subscribePack(url));
  };

  const onSync = (ids: string[]) =>
    void guard(async () => {
      setSyncing((now) => [...now, ...ids]);
      try {
        setPacks(await services.syncPacks(ids));
      } finally {
        setSyncing((now) => now.filter((id) => !ids.includes(id)));
      }
    });

  // permissions.request must be the first thing the click does (no await before it), or the browser refuses.
  const allowAccess = (origin: string, retry: () => void) =>
    void guard(async () => {
      if (await services.requestAccess(origin)) retry();
      else setError(`Access to ${origin} was not granted: the pack cannot be fetched from there.`);
    });

  return (
    <main className="options">
      <h1>Huashu 话术 — knowledge packs</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <PackImport
        busy={busy}
        report={report}
        onFile={onFile}
        onSubscribe={onSubscribe}
        onAllowAccess={(origin) => allowAccess(origin, () => onSubscribe(lastUrl))}
      />
      <section>
        <h2>Packs</h2>
        <PackTable
          packs={packs}
          syncing={syncing}
          onSync={(id) => onSync([id])}
          onAllowAccess={(origin, id) => allowAccess(origin, () => onSync([id]))}
          onToggle={(id, enabled) => void guard(async () => setPacks(await services.setPackEnabled(id, enabled)))}
          onRemove={(id) => void guard(async () => setPacks(await services.removePack(id)))}
        />
      </section>
      <UsageReport report={usage} days={usageDays} onDays={setUsageDays} />
      <SelectorOverrides sites={services.sites} overrides={overrides} onSave={saveOverrides} />
    </main>
  );
}
