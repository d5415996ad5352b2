/**
 * Vant's toast with its CSS, in a module of its own so that `toast.ts` can
 * load it only when a toast is first shown: the list page rarely needs one,
 * and this keeps Toast, Popup and Overlay out of the first route.
 */
export { showToast } from 'vant';
// Function-style Vant APIs are not seen by the component resolver, so their
// CSS is imported by hand (see Vant's "import on demand" guide).
import 'vant/es/toast/style';
