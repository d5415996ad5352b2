import { createApp } from 'vue';
import App from './App.vue';
import { applyVantLocale } from './locale';
import { router } from './router';
import './styles/base.css';

/**
 * Boots the H5: Vue, the router, and the page shell. English readers wait
 * for Vant's English pack first; if it cannot load, Vant's few built-in
 * words stay Chinese rather than the page staying blank.
 */
applyVantLocale()
  .catch(() => undefined)
  .then(() => createApp(App).use(router).mount('#app'));
