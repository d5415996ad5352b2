import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import './styles/base.css';

/** Boots the H5: Vue, the router, and the page shell. */
createApp(App).use(router).mount('#app');
