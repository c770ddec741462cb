/**
 * The background's periodic work: the pack sync and the usage log's retention. Alarms wake the worker;
 * what is due lives in the database, so a worker started by an alarm needs nothing from memory.
 */
import { ensureSyncAlarm, SYNC_ALARM, type AlarmsLike } from '../sync/schedule';
import { USAGE_PRUNE_ALARM, USAGE_PRUNE_MINUTES } from '../usage/log';

/** What the alarms run. */
interface AlarmWork {
  syncDuePacks(): Promise<unknown>;
  pruneUsage(): Promise<unknown>;
}

/**
 * Makes sure both alarms exist (safe on every worker start) and prunes the usage log now: retention must
 * not wait for a day, nor for the next event to be written.
 */
export async function startAlarms(alarms: AlarmsLike, work: AlarmWork): Promise<void> {
  await ensureSyncAlarm(alarms);
  if (!(await alarms.get(USAGE_PRUNE_ALARM)))
    await alarms.create(USAGE_PRUNE_ALARM, { delayInMinutes: 1, periodInMinutes: USAGE_PRUNE_MINUTES });
  await work.pruneUsage();
}

/** An alarm fired: runs its work (unknown alarms are left alone). */
export function onAlarm(name: string, work: AlarmWork): Promise<unknown> | undefined {
  if (name === SYNC_ALARM) return work.syncDuePacks();
  if (name === USAGE_PRUNE_ALARM) return work.pruneUsage();
  return undefined;
}
