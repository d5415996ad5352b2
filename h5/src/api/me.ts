import { MeResponse } from '@baton/shared';
import { request, requestNoContent } from './http';

/** `GET /api/me`: the logged-in person and whether they are HR. */
export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  return request('/api/me', MeResponse, { signal });
}

/** `POST /api/auth/logout`: ends this browser's session. */
export function logout(): Promise<void> {
  return requestNoContent('/api/auth/logout', { method: 'POST' });
}
