import type { MeResponse } from '@baton/shared';
import { lazySchema, request, requestNoContent } from './http';

/** Lazy: the home page asks for this, see LazySchema. */
const MeSchema = lazySchema(() => import('@baton/shared')
  .then((shared) => shared.MeResponse));

/** `GET /api/me`: the logged-in person and whether they are HR. */
export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  return request('/api/me', MeSchema, { signal });
}

/** `POST /api/auth/logout`: ends this browser's session. */
export function logout(): Promise<void> {
  return requestNoContent('/api/auth/logout', { method: 'POST' });
}
