/**
 * When subscribed packs are checked: a periodic alarm wakes the background, and each subscription is
 * checked when it is due (an interval after its last check, longer after failures). Pure: the alarms API
 * is passed in.
 */

/** The alarm that wakes the background to check subscribed packs. */
export const SYNC_ALARM = 'huashu-sync-packs';
/** How often the alarm fires; each subscription is checked when it is due (see `isDue`). */
const SYNC_ALARM_MINUTES = 60;
/** A subscription is checked about this often while it works. */
export const SYNC_INTERVAL_MS = 60 * 60_000;
/** After failures the interval doubles, up to this. */
const MAX_SYNC_INTERVAL_MS = 24 * 60 * 60_000;
/** An alarm may fire a little early; a check due within this slack is made now, not an hour later. */
const DUE_SLACK_MS = 5 * 60_000;

/** The schedule of one subscription: when it was last checked and how many checks in a row failed. */
export interface SyncSchedule {
  checkedAt: number | null;
  failures: number;
}

/** When the next check is due: an interval after the last, doubled per failure in a row (capped). */
export function nextCheckAt(schedule: SyncSchedule): number {
  if (schedule.checkedAt === null) return 0;
  const backoff = 2 ** Math.min(Math.max(0, schedule.failures - 1), 10);
  return schedule.checkedAt + Math.min(SYNC_INTERVAL_MS * backoff, MAX_SYNC_INTERVAL_MS);
}

/** Whether the alarm firing at `now` should check this subscription. */
export function isDue(schedule: SyncSchedule, now: number): boolean {
  return now >= nextCheckAt(schedule) - DUE_SLACK_MS;
}

/** The part of `browser.alarms` the sync alarm needs. */
export interface AlarmsLike {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
}

/**
 * Makes sure the periodic sync alarm exists; safe to call on every worker start (alarms may be cleared
 * when the browser restarts, and an existing alarm is left as it is, so its schedule does not slip).
 */
export async function ensureSyncAlarm(alarms: AlarmsLike): Promise<boolean> {
  if (await alarms.get(SYNC_ALARM)) return false;
  await alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_ALARM_MINUTES });
  return true;
}
