import { computed, reactive, ref, shallowRef } from 'vue';
import {
  CreateHandoverRequest, type DirectoryPerson, type HandoverDetail, type TemplateView,
} from '@baton/shared';
import { ApiError } from '@/api';
import { createHandover } from '@/api/hr';
import { fetchTemplates } from '@/api/templates';
import { t } from '@/locale';

/** The form's fields, named as the request names them. */
export type NewHandoverField =
  | 'templateId' | 'departingUserid' | 'successorUserid' | 'managerUserid'
  | 'lastWorkingDay' | 'title';

const FIELDS: readonly NewHandoverField[] = ['templateId', 'departingUserid',
  'successorUserid', 'managerUserid', 'lastWorkingDay', 'title'];

/** What HR fills in on 发起交接. */
export interface NewHandoverForm {
  template: TemplateView | null;
  departing: DirectoryPerson | null;
  successor: DirectoryPerson | null;
  manager: DirectoryPerson | null;
  /** `YYYY-MM-DD`, or empty until chosen. */
  lastWorkingDay: string;
  title: string;
}

function isField(name: string | undefined): name is NewHandoverField {
  return (FIELDS as readonly (string | undefined)[]).includes(name);
}

/** What to say under a field the server or the schema refused. */
function messageFor(field: NewHandoverField, serverMessage?: string): string {
  const { errors } = t.hr.create;
  if (serverMessage?.includes('not a member')) return errors.notMember;
  if (field === 'successorUserid' && serverMessage?.includes('someone else')) {
    return errors.samePerson;
  }
  return errors[field];
}

/**
 * The 发起交接 form: the role templates to choose from, the fields, their
 * errors (from the shared schema before sending, then the server's, each
 * under its field) and `submit`, which prepares the draft.
 */
export function useHrNewHandover() {
  const form = reactive<NewHandoverForm>({
    template: null, departing: null, successor: null, manager: null,
    lastWorkingDay: '', title: '',
  });
  const errors = reactive<Partial<Record<NewHandoverField, string>>>({});
  const templates = shallowRef<TemplateView[]>([]);
  const templatesState = ref<'loading' | 'ready' | 'error'>('loading');
  const submitting = ref(false);

  async function loadTemplates(): Promise<void> {
    templatesState.value = 'loading';
    try {
      templates.value = (await fetchTemplates()).items;
      templatesState.value = 'ready';
    } catch {
      templatesState.value = 'error';
    }
  }

  const request = computed(() => ({
    templateId: form.template?.id ?? '',
    departingUserid: form.departing?.userid ?? '',
    successorUserid: form.successor?.userid ?? '',
    ...(form.manager ? { managerUserid: form.manager.userid } : {}),
    lastWorkingDay: form.lastWorkingDay,
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
  }));

  /** Clears a field's error once HR changes it. */
  function touch(field: NewHandoverField): void {
    delete errors[field];
  }

  /** Checks the form as the server will; true when it may be sent. */
  function validate(): boolean {
    for (const field of FIELDS) delete errors[field];
    const parsed = CreateHandoverRequest.safeParse(request.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (isField(field)) errors[field] ??= messageFor(field);
      }
    }
    const { departing, successor, manager } = form;
    if (departing && successor && departing.userid === successor.userid) {
      errors.successorUserid = t.hr.create.errors.samePerson;
    }
    if (manager && [departing?.userid, successor?.userid].includes(manager.userid)) {
      errors.managerUserid = t.hr.create.errors.managerUserid;
    }
    return Object.keys(errors).length === 0;
  }

  /**
   * Prepares the draft. Null when the form is not valid yet (the errors say
   * why); a refusal naming a field goes under it and resolves null too;
   * any other failure is thrown.
   */
  async function submit(): Promise<HandoverDetail | null> {
    if (submitting.value || !validate()) return null;
    submitting.value = true;
    try {
      return await createHandover(CreateHandoverRequest.parse(request.value));
    } catch (failure) {
      if (failure instanceof ApiError && isField(failure.field)) {
        errors[failure.field] = messageFor(failure.field, failure.message);
        return null;
      }
      throw failure;
    } finally {
      submitting.value = false;
    }
  }

  return {
    form, errors, templates, templatesState, submitting,
    loadTemplates, touch, validate, submit,
  };
}
