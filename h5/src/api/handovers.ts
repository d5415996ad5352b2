import { HandoverDetail, HandoverListResponse } from '@baton/shared';
import { request } from './http';

/**
 * `GET /api/handovers`: the handovers I take part in (all of them for HR),
 * newest first. Pass the previous page's `nextCursor` to get the next page.
 */
export function fetchHandovers(
  cursor?: string,
  signal?: AbortSignal,
): Promise<HandoverListResponse> {
  return request('/api/handovers', HandoverListResponse, {
    query: { cursor },
    signal,
  });
}

/** `GET /api/handovers/:id`: one handover with participants and milestones. */
export function fetchHandover(
  id: string,
  signal?: AbortSignal,
): Promise<HandoverDetail> {
  return request(`/api/handovers/${encodeURIComponent(id)}`, HandoverDetail, {
    signal,
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
  const path = `/api/handovers/${encodeURIComponent(handoverId)}`
    + `/milestones/${encodeURIComponent(milestoneId)}/complete`;
  return request(path, HandoverDetail, { method: 'POST' });
}
