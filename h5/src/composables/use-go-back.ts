import { useRouter, type RouteLocationRaw } from 'vue-router';

/**
 * The nav bar's back arrow: back through the history when the person came
 * from another page of ours, else (a card link opened the page directly)
 * to `fallback`, replacing this entry so back does not return here.
 */
export function useGoBack(fallback: () => RouteLocationRaw): () => void {
  const router = useRouter();
  return () => {
    if (window.history.state?.back) router.back();
    else void router.replace(fallback());
  };
}
