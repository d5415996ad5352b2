import {
  AttentionListResponse, type AddParticipantRequest, type CreateHandoverRequest,
  DirectoryResponse, HandoverDetail, type HandoverStatus, ProgressPostResponse,
  TimelineResponse,
} from '@baton/shared';
import { request } from './http';

/**
 * What HR's screens call: preparing a handover, the list in attention
 * order, progress posts, participants, the audit trail and the directory
 * search (role templates are in `./templates`). Every answer is checked
 * against its shared schema.
 */

function handoverPath(id: string): string {
  return `/api/handovers/${encodeURIComponent(id)}`;
}

/**
 * `POST /api/handovers`: HR prepares a draft. A 400 names the bad field
 * (`departingUserid`, `lastWorkingDay`, ...) in the ApiError's `field`.
 */
export function createHandover(input: CreateHandoverRequest): Promise<HandoverDetail> {
  return request('/api/handovers', HandoverDetail, { method: 'POST', body: input });
}

/**
 * `GET /api/handovers?sort=attention`: the handovers I may read, overdue
 * and stuck ones first, only in `statuses` when given. Pass the previous
 * page's `nextCursor` for the next page.
 */
export function fetchAttentionList(
  statuses: readonly HandoverStatus[] | null,
  cursor?: string,
  signal?: AbortSignal,
): Promise<AttentionListResponse> {
  return request('/api/handovers', AttentionListResponse, {
    query: { sort: 'attention', status: statuses?.join(','), cursor },
    signal,
  });
}

/**
 * `POST /api/handovers/:id/posts`: HR's update, sent to the group with the
 * progress. 403 for anyone but HR, 409 unless the handover is running.
 */
export function postProgress(id: string, text: string): Promise<ProgressPostResponse> {
  return request(`${handoverPath(id)}/posts`, ProgressPostResponse, {
    method: 'POST', body: { text },
  });
}

/**
 * `POST /api/handovers/:id/participants`: adds a manager or stakeholder;
 * answers with the handover as it is afterwards.
 */
export function addParticipant(
  id: string,
  input: AddParticipantRequest,
): Promise<HandoverDetail> {
  return request(`${handoverPath(id)}/participants`, HandoverDetail, {
    method: 'POST', body: input,
  });
}

/** `DELETE /api/handovers/:id/participants/:participantId`. */
export function removeParticipant(
  id: string,
  participantId: string,
): Promise<HandoverDetail> {
  const path = `${handoverPath(id)}/participants/${encodeURIComponent(participantId)}`;
  return request(path, HandoverDetail, { method: 'DELETE' });
}

/** `GET /api/handovers/:id/timeline`: the audit trail, newest first, by page. */
export function fetchTimeline(
  id: string,
  cursor?: string,
  signal?: AbortSignal,
): Promise<TimelineResponse> {
  return request(`${handoverPath(id)}/timeline`, TimelineResponse, {
    query: { cursor }, signal,
  });
}

/**
 * `GET /api/directory?q=`: colleagues matching `q` (name, account, position
 * or department), those still with the company first. HR only.
 */
export function searchDirectory(
  q: string,
  signal?: AbortSignal,
): Promise<DirectoryResponse> {
  return request('/api/directory', DirectoryResponse, { query: { q }, signal });
}
