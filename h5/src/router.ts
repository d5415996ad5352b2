import { createRouter, createWebHistory } from 'vue-router';
import { t } from '@/locale';

declare module 'vue-router' {
  interface RouteMeta {
    /** The document title while the route is shown. */
    title?: string;
  }
}

/**
 * The H5's routes. Every page is a lazy chunk, so opening a card link only
 * downloads the page it needs.
 */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    {
      path: '/',
      name: 'home',
      component: () => import('@/pages/HomePage.vue'),
      meta: { title: t.home.title },
    },
    {
      path: '/handovers/:id',
      name: 'handover',
      component: () => import('@/pages/HandoverPage.vue'),
      props: true,
      meta: { title: t.handover.title },
    },
    {
      path: '/handovers/:id/items/:itemId',
      name: 'item',
      component: () => import('@/pages/ItemPage.vue'),
      props: true,
      meta: { title: t.handover.title },
    },
    {
      path: '/handovers/:id/browse',
      name: 'browse',
      component: () => import('@/pages/BrowsePage.vue'),
      props: true,
      meta: { title: t.handover.title },
    },
    {
      path: '/handovers/:id/history',
      name: 'history',
      component: () => import('@/pages/HistoryPage.vue'),
      props: true,
      meta: { title: t.handover.title },
    },
    {
      path: '/handovers/:id/questions/:questionId',
      name: 'question',
      component: () => import('@/pages/QuestionPage.vue'),
      props: true,
      meta: { title: t.handover.title },
    },
    {
      path: '/handovers/:id/timeline',
      name: 'timeline',
      component: () => import('@/pages/TimelinePage.vue'),
      props: true,
      meta: { title: t.handover.title },
    },
    {
      path: '/handovers/:id/participants',
      name: 'participants',
      component: () => import('@/pages/ParticipantsPage.vue'),
      props: true,
      meta: { title: t.handover.title },
    },
    {
      path: '/handovers/:id/customers',
      name: 'customers',
      component: () => import('@/pages/CustomersPage.vue'),
      props: true,
      meta: { title: t.customers.title },
    },
    {
      path: '/hr',
      name: 'hr',
      component: () => import('@/pages/HrConsolePage.vue'),
      meta: { title: t.home.title },
    },
    {
      path: '/hr/new',
      name: 'hr-new',
      component: () => import('@/pages/HrNewHandoverPage.vue'),
      meta: { title: t.home.title },
    },
    {
      path: '/hr/templates',
      name: 'hr-templates',
      component: () => import('@/pages/TemplatesPage.vue'),
      meta: { title: t.templates.title },
    },
    {
      path: '/hr/templates/:id',
      name: 'hr-template',
      component: () => import('@/pages/TemplatePage.vue'),
      props: true,
      meta: { title: t.templates.title },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('@/pages/NotFoundPage.vue'),
      meta: { title: t.notFound.title },
    },
  ],
  scrollBehavior(_to, _from, saved) {
    return saved ?? { top: 0 };
  },
});

router.afterEach((to) => {
  // WeCom's webview shows document.title in its own title bar.
  document.title = to.meta.title ?? t.app.name;
});
