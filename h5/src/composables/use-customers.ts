import { computed, reactive, ref, shallowRef, type Ref } from 'vue';
import type {
  CustomerListResponse, CustomerTransferStatus, CustomerView,
} from '@baton/shared';
import {
  fetchCustomers, refreshCustomers, transferCustomers,
} from '@/api/customers';
import { isMissing } from '@/api';
import type { ListState } from './use-items';

/**
 * Statuses HR may pick for a transfer: never started, or WeCom refused the
 * call. The server would also take `refused` and `limit` again, but asking a
 * customer who said no a second time is not something to offer with a tick.
 */
const SELECTABLE: readonly CustomerTransferStatus[] = ['listed', 'failed'];

/** Whether a customer may be ticked for the next transfer. */
export function isSelectable(customer: CustomerView): boolean {
  return SELECTABLE.includes(customer.status);
}

/** The retention figures the screen leads with. */
export interface CustomerSummary {
  total: number;
  takenOver: number;
  /** Sent to WeCom and not settled: `requested` and `waiting`. */
  waiting: number;
  refused: number;
  /** Could not move: WeCom refused the call, or the successor's limit. */
  failed: number;
  /** Never transferred (`listed`). */
  notStarted: number;
}

/** Counts the customers by how their transfer stands. */
export function summarize(customers: readonly CustomerView[]): CustomerSummary {
  const count = (...statuses: CustomerTransferStatus[]) =>
    customers.filter((c) => statuses.includes(c.status)).length;
  return {
    total: customers.length,
    takenOver: count('taken_over'),
    waiting: count('requested', 'waiting'),
    refused: count('refused'),
    failed: count('failed', 'limit'),
    notStarted: count('listed'),
  };
}

/**
 * A handover's WeCom customers and their transfer (客户继承) to the
 * successor. `refresh` reloads the list from the server; `readFromWecom`
 * (HR and the manager) has the server read them from WeCom again;
 * `transfer` sends the ticked customers and shows the list the server
 * answers with. Nothing changes before the server answers, so a refusal
 * leaves the list and the ticks as they were; failures are rethrown for
 * the page to show.
 */
export function useCustomers(handoverId: Ref<string>) {
  const customers = shallowRef<CustomerView[]>([]);
  const actions = shallowRef<string[]>([]);
  const state = ref<ListState>('loading');
  const error = shallowRef<unknown>(null);
  const reading = ref(false);
  const transferring = ref(false);
  /** External userids ticked for the next transfer. */
  const selected = reactive(new Set<string>());
  let generation = 0;
  let shown: string | null = null;

  const canTransfer = computed(() =>
    actions.value.includes('transferCustomers'));
  const selectable = computed(() => customers.value.filter(isSelectable));
  const allSelected = computed(() => selectable.value.length > 0
    && selectable.value.every((c) => selected.has(c.externalUserid)));
  const summary = computed(() => summarize(customers.value));

  /** Takes the server's list; ticks on customers no longer pickable go. */
  function show(list: CustomerListResponse): void {
    shown = handoverId.value;
    customers.value = list.customers;
    actions.value = list.actions;
    state.value = 'ready';
    error.value = null;
    const pickable = new Set(selectable.value.map((c) => c.externalUserid));
    for (const id of [...selected]) if (!pickable.has(id)) selected.delete(id);
  }

  async function refresh(): Promise<void> {
    const mine = ++generation;
    // Another handover's customers must not stand in while this one loads.
    if (shown !== handoverId.value) {
      customers.value = [];
      actions.value = [];
      selected.clear();
      state.value = 'loading';
    }

    try {
      const list = await fetchCustomers(handoverId.value);
      if (mine === generation) show(list);
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (isMissing(failure)) state.value = 'not-found';
      else if (state.value !== 'ready') state.value = 'error';
      throw failure;
    }
  }

  /**
   * Shows what a change to handover `id` answered with, unless another
   * handover is shown by now. That list is the newest there is, so a
   * reload still on its way is dropped rather than shown after it.
   */
  function changed(id: string, list: CustomerListResponse): void {
    if (id !== handoverId.value) return;
    generation++;
    show(list);
  }

  /** Reads the customers from WeCom again; resolves to how many there are. */
  async function readFromWecom(): Promise<number> {
    if (reading.value) return customers.value.length;

    const id = handoverId.value;
    reading.value = true;
    try {
      const list = await refreshCustomers(id);
      changed(id, list);
      return list.customers.length;
    } finally {
      reading.value = false;
    }
  }

  /**
   * Transfers the ticked customers, with `message` for them when given;
   * resolves to how many were sent (0 when none was ticked).
   */
  async function transfer(message?: string): Promise<number> {
    const externalUserids = selectable.value
      .map((c) => c.externalUserid)
      .filter((id) => selected.has(id));
    if (transferring.value || externalUserids.length === 0) return 0;

    const id = handoverId.value;
    const text = message?.trim();
    transferring.value = true;
    try {
      changed(id, await transferCustomers(id, {
        externalUserids, ...(text ? { message: text } : {}),
      }));
      return externalUserids.length;
    } finally {
      transferring.value = false;
    }
  }

  function toggle(customer: CustomerView, on: boolean): void {
    if (on && isSelectable(customer)) selected.add(customer.externalUserid);
    else selected.delete(customer.externalUserid);
  }

  function selectAll(on: boolean): void {
    selected.clear();
    if (on) for (const c of selectable.value) selected.add(c.externalUserid);
  }

  return {
    customers, state, error, reading, transferring, selected, canTransfer,
    selectable, allSelected, summary, refresh, readFromWecom, transfer,
    toggle, selectAll,
  };
}
