import type { Ref } from 'vue';
import type { TimelineEvent } from '@baton/shared';
import { fetchTimeline } from '@/api/hr';
import { usePagedList } from './use-paged-list';

/**
 * A handover's audit trail, newest first, page by page: `refresh` starts
 * again from the newest, `loadMore` appends older events while there are.
 * Someone who may not read it sees the `forbidden` state.
 */
export function useTimeline(id: Ref<string>) {
  const list = usePagedList<TimelineEvent>(
    (cursor) => fetchTimeline(id.value, cursor), { refusalIsState: true });
  return { ...list, events: list.items };
}
