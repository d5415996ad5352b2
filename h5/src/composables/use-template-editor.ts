import { computed, ref } from 'vue';
import type {
  ItemPrompt, Section, TemplateDefinition, TemplateMilestone,
} from '@baton/shared';

/** An item prompt HR adds; the editor gives it a key. */
export type NewPrompt = Pick<ItemPrompt, 'title' | 'kind' | 'required'>;

/** What HR sets on a milestone; its key, rule and signers stay. */
export type MilestoneChange = Pick<TemplateMilestone, 'title' | 'ownerRole' | 'due'>;

/** A key matching the schema's `^[a-z][a-z0-9_]{0,47}$`, not in `taken`. */
function freshKey(prefix: string, taken: ReadonlySet<string>): string {
  for (;;) {
    const key = `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
    if (!taken.has(key)) return key;
  }
}

/**
 * HR's edits to a copy of a template, held on the phone until saved: the
 * name and description, each prompt's required flag, prompts and milestones
 * added or removed, a milestone's title, owner and due offset. `begin`
 * takes a copy of the definition, so nothing shown changes until the
 * server accepts `definition()`; `end` drops the edits, and a refused save
 * leaves them for another try.
 */
export function useTemplateEditor() {
  const draft = ref<TemplateDefinition | null>(null);
  let original = '';

  const editing = computed(() => draft.value !== null);
  const dirty = computed(() =>
    draft.value !== null && JSON.stringify(draft.value) !== original);
  const nameMissing = computed(() =>
    draft.value !== null && draft.value.name.trim() === '');

  function begin(definition: TemplateDefinition): void {
    original = JSON.stringify(definition);
    draft.value = JSON.parse(original) as TemplateDefinition;
  }

  function end(): void {
    draft.value = null;
    original = '';
  }

  function promptsOf(section: Section): ItemPrompt[] {
    return draft.value?.sections.find((s) => s.key === section)?.prompts ?? [];
  }

  function setRequired(section: Section, key: string, required: boolean): void {
    const prompt = promptsOf(section).find((p) => p.key === key);
    if (prompt) prompt.required = required;
  }

  function removePrompt(section: Section, key: string): void {
    const prompts = promptsOf(section);
    const at = prompts.findIndex((p) => p.key === key);
    if (at !== -1) prompts.splice(at, 1);
  }

  function addPrompt(section: Section, prompt: NewPrompt): void {
    if (!draft.value) return;
    const taken = new Set(draft.value.sections
      .flatMap((s) => s.prompts.map((p) => p.key)));
    promptsOf(section).push({
      key: freshKey('prompt', taken), kind: prompt.kind,
      title: prompt.title.trim(), required: prompt.required,
    });
  }

  /** Changes the milestone at `index`, or adds one when `index` is null. */
  function putMilestone(index: number | null, change: MilestoneChange): void {
    const milestones = draft.value?.milestones;
    if (!milestones) return;
    const fields = {
      title: change.title.trim(), ownerRole: change.ownerRole,
      due: { ...change.due },
    };
    if (index === null) {
      const taken = new Set(milestones.map((m) => m.key));
      milestones.push({ key: freshKey('milestone', taken), ...fields });
    } else if (milestones[index]) {
      Object.assign(milestones[index], fields);
    }
  }

  /**
   * Removes a milestone. The sign-off stays (completion waits for it, and
   * the server refuses a template without one), and so does the last one.
   */
  function removeMilestone(index: number): void {
    const milestones = draft.value?.milestones;
    if (!milestones || !isRemovable(milestones, index)) return;
    milestones.splice(index, 1);
  }

  /** The definition to send, the name and description trimmed. */
  function definition(): TemplateDefinition | null {
    if (!draft.value) return null;
    const copy = JSON.parse(JSON.stringify(draft.value)) as TemplateDefinition;
    return { ...copy, name: copy.name.trim(), description: copy.description.trim() };
  }

  return {
    draft, editing, dirty, nameMissing, begin, end, setRequired, removePrompt,
    addPrompt, putMilestone, removeMilestone, definition,
  };
}

/** Whether the milestone at `index` may go: not the sign-off, not the last. */
export function isRemovable(milestones: readonly { rule?: string }[],
  index: number): boolean {
  return milestones.length > 1 && milestones[index]?.rule !== 'signed_off';
}
