import type { HandoverStatus } from '@baton/shared';
import { conflict } from '../errors';

/**
 * The handover's life: draft → active → completed → evaluating → closed,
 * or cancelled from draft or active. Nothing else moves.
 */
const TRANSITIONS: Record<HandoverStatus, readonly HandoverStatus[]> = {
  draft: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: ['evaluating', 'closed'],
  evaluating: ['closed'],
  closed: [],
  cancelled: [],
};

/** Throws a 409 unless `from` may move to `to`. */
export function checkTransition(from: HandoverStatus, to: HandoverStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw conflict(`a ${from} handover cannot become ${to}`);
  }
}
