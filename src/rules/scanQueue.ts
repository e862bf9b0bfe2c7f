import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { isJianduError } from '../core/errors.js';
import type { ScanKind } from './rulesTables.js';
import { runScan, type ScanSummary } from './runScan.js';

/**
 * Scans in the server's background: one at a time per jurisdiction. A request while a scan
 * runs is remembered and served when it ends (a full request outranks an incremental one),
 * so a burst of approvals costs one more scan, not one each.
 */
interface Slot {
  running: Promise<ScanSummary | null> | null;
  next: { kind: ScanKind; actor: Actor } | null;
  last: ScanSummary | null;
  lastError: string | null;
}

const slots = new Map<string, Slot>();

function slotOf(jurisdiction: string): Slot {
  let slot = slots.get(jurisdiction);
  if (!slot) {
    slot = { running: null, next: null, last: null, lastError: null };
    slots.set(jurisdiction, slot);
  }
  return slot;
}

export function requestScan(
  ctx: AppContext,
  jurisdiction: string,
  kind: ScanKind,
  actor: Actor,
): void {
  const slot = slotOf(jurisdiction);
  if (slot.running) {
    slot.next = {
      kind: slot.next?.kind === 'full' || kind === 'full' ? 'full' : 'incremental',
      actor,
    };
    return;
  }
  slot.running = runScan(ctx, { jurisdiction, kind, actor })
    .then((summary) => {
      slot.last = summary;
      slot.lastError = null;
      return summary;
    })
    .catch((error: unknown) => {
      slot.lastError = isJianduError(error)
        ? error.text('zh')
        : error instanceof Error
          ? error.message
          : String(error);
      return null;
    })
    .finally(() => {
      slot.running = null;
      const next = slot.next;
      slot.next = null;
      if (next) requestScan(ctx, jurisdiction, next.kind, next.actor);
    });
}

export function scanState(jurisdiction: string): {
  running: boolean;
  queued: boolean;
  lastError: string | null;
} {
  const slot = slotOf(jurisdiction);
  return { running: slot.running !== null, queued: slot.next !== null, lastError: slot.lastError };
}

/** Waits until no scan of the jurisdiction runs or waits (tests, shutdown). */
export async function scansSettled(jurisdiction: string): Promise<void> {
  for (;;) {
    const slot = slotOf(jurisdiction);
    if (!slot.running) return;
    await slot.running;
  }
}
