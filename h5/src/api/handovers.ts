import type { HandoverDetail, HandoverListResponse } from '@baton/shared';
import { lazySchema, request } from './http';

/**
 * Lazy: the home page lists handovers and the handover page follows it,
 * so neither needs zod in its own bundle (see LazySchema).
 */
const ListSchema = lazySchema(() => import('@baton/shared')
  .then((shared) => shared.HandoverListResponse));
const DetailSchema = lazySchema(() => import('@baton/shared')
  .then((shared) => shared.HandoverDetail));

/**
 * `GET /api/handovers`: the handovers I take part in (all of them for HR),
 * newest first. Pass the previous page's `nextCursor` to get the next page.
 */
export function fetchHandovers(
  cursor?: string,
  signal?: AbortSignal,
): Promise<HandoverListResponse> {
  return request('/api/handovers', ListSchema, {
    query: { cursor },
    signal,
  });
}

function handoverPath(id: string): string {
  return `/api/handovers/${encodeURIComponent(id)}`;
}

function milestonePath(handoverId: string, milestoneId: string): string {
  return `${handoverPath(handoverId)}/milestones/`
    + encodeURIComponent(milestoneId);
}

/** `GET /api/handovers/:id`: one handover with participants and milestones. */
export function fetchHandover(
  id: string,
  signal?: AbortSignal,
): Promise<HandoverDetail> {
  return request(handoverPath(id), DetailSchema, { signal });
}

/**
 * `POST /api/handovers/:id/start`: HR starts a draft. Answers with the
 * handover as it is afterwards; 403 for anyone but HR, 409 when it is no
 * longer a draft.
 */
export function startHandover(id: string): Promise<HandoverDetail> {
  return request(`${handoverPath(id)}/start`, DetailSchema, {
    method: 'POST',
  });
}

/**
 * `POST /api/handovers/:id/milestones/:milestoneId/complete`. Answers with
 * the whole handover as it is afterwards; the server may refuse with 403
 * (not yours to complete) or 409 (already done, handover closed).
 */
export function completeMilestone(
  handoverId: string,
  milestoneId: string,
): Promise<HandoverDetail> {
  const path = `${milestonePath(handoverId, milestoneId)}/complete`;
  return request(path, DetailSchema, { method: 'POST' });
}

/**
 * `POST /api/handovers/:id/milestones/:milestoneId/sign`: signs a sign-off
 * milestone in every signer role I hold; it completes once all have signed.
 * Answers with the whole handover as it is afterwards; 403 or 409 when I
 * need not (or no longer can) sign.
 */
export function signMilestone(
  handoverId: string,
  milestoneId: string,
): Promise<HandoverDetail> {
  const path = `${milestonePath(handoverId, milestoneId)}/sign`;
  return request(path, DetailSchema, { method: 'POST' });
}
