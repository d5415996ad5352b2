import type { HandoverSummary } from '@baton/shared';
import { fetchHandovers } from '@/api';
import { usePagedList } from './use-paged-list';

/**
 * My handovers, newest first, page by page (see usePagedList): `refresh`
 * for pull to refresh and retry, `loadMore` for the next page.
 */
export function useHandoverList() {
  return usePagedList<HandoverSummary>((cursor) => fetchHandovers(cursor));
}
