import { HandoverRecord } from './handover-record';
import { itemSettled } from './progress';

/**
 * Why the handover cannot be completed yet, or null when it can: it needs
 * the sign-off and every required item acknowledged or not applicable.
 */
export function completionBlocker(record: Pick<HandoverRecord, 'milestones' | 'items'>):
  string | null {
  const signOff = record.milestones.find((m) => m.rule === 'signed_off');
  if (signOff && !signOff.doneAt) return `「${signOff.title}」 is not signed yet`;
  const open = record.items.filter((i) => i.required && !itemSettled(i));
  if (open.length > 0) {
    return `${open.length} required items are not acknowledged or marked not applicable: `
      + open.slice(0, 5).map((i) => i.title).join('、');
  }
  return null;
}
