import { ref, shallowRef, watch, type Ref } from 'vue';
import type { TemplateDefinition, TemplateView } from '@baton/shared';
import { fetchTemplates } from '@/api/templates';
import type { ListState } from './use-items';

/** The list's tabs: the templates in use, or all of them (HR only). */
export const TEMPLATE_TABS = ['active', 'all'] as const;
export type TemplateTab = (typeof TEMPLATE_TABS)[number];

/** How much a template asks for: its sections, prompts and milestones. */
export interface TemplateCounts {
  sections: number;
  prompts: number;
  milestones: number;
}

/** Counts a definition's sections, item prompts and milestones. */
export function templateCounts(definition: TemplateDefinition): TemplateCounts {
  return {
    sections: definition.sections.length,
    prompts: definition.sections.reduce((n, s) => n + s.prompts.length, 0),
    milestones: definition.milestones.length,
  };
}

/**
 * The role templates, built-in ones first, as the server orders them: the
 * active ones, or on the `all` tab the retired ones too (the server shows
 * those to HR only). A refresh that fails keeps the list shown and
 * rethrows, so the page can toast instead of blanking; a new tab shows the
 * skeleton until its list arrives, and an answer for an old tab is dropped.
 */
export function useTemplates(tab: Ref<TemplateTab>) {
  const items = shallowRef<TemplateView[]>([]);
  const state = ref<ListState>('loading');
  const error = shallowRef<unknown>(null);
  let generation = 0;
  let shown: TemplateTab | null = null;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    const asked = tab.value;
    if (shown !== asked) {
      items.value = [];
      state.value = 'loading';
    }

    try {
      const list = await fetchTemplates(asked === 'all');
      if (mine !== generation) return;
      items.value = list.items;
      shown = asked;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (shown !== asked) state.value = 'error';
      throw failure;
    }
  }

  watch(tab, () => {
    refresh().catch(() => undefined);
  });

  return { items, state, error, refresh };
}
