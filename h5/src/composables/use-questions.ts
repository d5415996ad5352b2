import { reactive, ref, shallowRef, type Ref } from 'vue';
import type { MeResponse, QuestionView } from '@baton/shared';
import {
  answerQuestion, askQuestion, fetchQuestion, fetchQuestions,
} from '@/api/questions';
import { isMissing } from '@/api';
import type { ListState } from './use-items';
import { useRecord } from './use-record';
import { useMe } from './use-me';

/** Prefix of the ids of questions shown before the server has them. */
const LOCAL_ID = 'local-';
let localCount = 0;

/** True for a question still on its way to the server. */
export function isLocalQuestion(question: QuestionView): boolean {
  return question.id.startsWith(LOCAL_ID);
}

function personOf(me: MeResponse | null): QuestionView['askedBy'] {
  return me
    ? { userid: me.user.userid, name: me.user.name }
    : { userid: '', name: '' };
}

/** The question as it will look once `answer` is stored. */
function answeredLocally(
  question: QuestionView,
  answer: string,
  me: MeResponse | null,
): QuestionView {
  return {
    ...question,
    status: 'answered',
    answer,
    answeredBy: personOf(me),
    answeredAt: new Date().toISOString(),
    actions: [],
  };
}

/**
 * The questions of a handover, or of one of its items when `itemId` is
 * set, oldest first as the server sends them. Asking and answering show at
 * once and go back if the server refuses; failures are rethrown for the
 * caller to show.
 */
export function useQuestions(
  handoverId: Ref<string>,
  itemId: Ref<string | undefined>,
) {
  const { me } = useMe();
  const questions = shallowRef<QuestionView[]>([]);
  const state = ref<ListState>('loading');
  const error = shallowRef<unknown>(null);
  /** Ids of questions whose answer is waiting for the server. */
  const answering = reactive(new Set<string>());
  let generation = 0;
  let shown: string | null = null;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    const key = `${handoverId.value}/${itemId.value ?? ''}`;
    // Another item's thread must not stand in while this one loads.
    if (shown !== key) {
      questions.value = [];
      state.value = 'loading';
    }

    try {
      const result = await fetchQuestions(handoverId.value, itemId.value);
      if (mine !== generation) return;
      shown = key;
      // Keep questions still being sent: the server does not have them yet.
      const sending = questions.value.filter(isLocalQuestion);
      questions.value = [...result.items, ...sending];
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (isMissing(failure)) state.value = 'not-found';
      else if (state.value !== 'ready') state.value = 'error';
      throw failure;
    }
  }

  /** Appends the question at once; swaps in the server's copy, or removes it. */
  async function ask(body: string): Promise<QuestionView> {
    const local: QuestionView = {
      id: `${LOCAL_ID}${++localCount}`,
      handoverId: handoverId.value,
      itemId: itemId.value ?? null,
      itemTitle: null,
      body,
      askedBy: personOf(me.value),
      askedAt: new Date().toISOString(),
      status: 'open',
      answer: null,
      answeredBy: null,
      answeredAt: null,
      actions: [],
    };
    questions.value = [...questions.value, local];

    try {
      const stored = await askQuestion(handoverId.value, body, itemId.value);
      questions.value = questions.value.map((q) => (q === local ? stored : q));
      return stored;
    } catch (failure) {
      questions.value = questions.value.filter((q) => q !== local);
      throw failure;
    }
  }

  /** Shows the answer at once; takes the server's copy, or restores the question. */
  async function answer(question: QuestionView, text: string): Promise<void> {
    if (answering.has(question.id)) return;
    const optimistic = answeredLocally(question, text, me.value);
    const swap = (from: QuestionView, to: QuestionView) => {
      questions.value = questions.value.map((q) => (q === from ? to : q));
    };
    swap(question, optimistic);
    answering.add(question.id);

    try {
      swap(optimistic, await answerQuestion(handoverId.value, question.id,
        text));
    } catch (failure) {
      // Only if a refresh has not replaced our copy meanwhile.
      swap(optimistic, question);
      throw failure;
    } finally {
      answering.delete(question.id);
    }
  }

  return { questions, state, error, answering, refresh, ask, answer };
}

/**
 * One question, as a WeCom card about it opens it. `answer` shows the
 * answer at once and puts the question back if the server refuses.
 */
export function useQuestion(handoverId: Ref<string>, questionId: Ref<string>) {
  const { me } = useMe();
  const { record: question, state, error, refresh } = useRecord(
    () => fetchQuestion(handoverId.value, questionId.value),
    (current) => current.id === questionId.value);
  const answering = ref(false);

  async function answer(text: string): Promise<void> {
    const before = question.value;
    if (!before || answering.value) return;
    const optimistic = answeredLocally(before, text, me.value);
    question.value = optimistic;
    answering.value = true;

    try {
      const after = await answerQuestion(handoverId.value, before.id, text);
      if (question.value === optimistic) question.value = after;
    } catch (failure) {
      if (question.value === optimistic) question.value = before;
      throw failure;
    } finally {
      answering.value = false;
    }
  }

  return { question, state, error, answering, refresh, answer };
}
