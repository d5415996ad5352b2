import { onScopeDispose, watch, type Ref } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';
import { showConfirmDialog } from 'vant';
import 'vant/es/dialog/style';
import { t } from '@/locale';

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older WebKit (WeCom on iOS) still wants returnValue set.
  event.returnValue = '';
}

/**
 * Warns before leaving while `busy`: the browser's own prompt on reload
 * or close, and a confirm dialog on an in-app route change. Leaving stops
 * the uploads, but what arrived stays on the server for resuming.
 * Call from the setup of a component rendered under the router view.
 */
export function useUploadGuard(busy: Ref<boolean>): void {
  watch(busy, (now) => {
    if (now) window.addEventListener('beforeunload', warnBeforeUnload);
    else window.removeEventListener('beforeunload', warnBeforeUnload);
  }, { immediate: true });
  onScopeDispose(() => {
    window.removeEventListener('beforeunload', warnBeforeUnload);
  });

  onBeforeRouteLeave(async () => {
    if (!busy.value) return true;
    try {
      await showConfirmDialog({
        title: t.materials.leaveTitle,
        message: t.materials.leaveMessage,
        confirmButtonText: t.materials.leaveConfirm,
        cancelButtonText: t.materials.stay,
      });
      return true;
    } catch {
      return false; // stays
    }
  });
}
