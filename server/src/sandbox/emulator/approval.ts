/**
 * Approvals (审批, D:91982): oa/getapprovaldetail over approvals the
 * sandbox or a test seeded with `addApproval`. Kept in memory only, like
 * faults: the sandbox seeds its demo approval at every start.
 */
import type { EndpointTable } from './cgi';
import { EmulatorError, WecomError } from './errors';

/** An approval as getapprovaldetail's `info` (sp_no, sp_status, ...). */
export interface EmulatedApproval {
  sp_no: string;
  sp_name: string;
  sp_status: number;
  template_id: string;
  apply_time: number;
  applyer: { userid: string; partyid?: string };
  apply_data: { contents: Record<string, unknown>[] };
  [field: string]: unknown;
}

/** The emulator's approvals by number. */
export class ApprovalStore {
  private readonly approvals = new Map<string, EmulatedApproval>();

  /** Adds or replaces one; throws EmulatorError (400) without an sp_no. */
  add(detail: EmulatedApproval): void {
    if (!/^\d{1,32}$/.test(detail.sp_no)) {
      throw new EmulatorError(400, 'validation_error',
        'sp_no: expected digits', 'sp_no');
    }
    this.approvals.set(detail.sp_no, structuredClone(detail));
  }

  get(spNo: string): EmulatedApproval | undefined {
    return this.approvals.get(spNo);
  }
}

/** The oa/getapprovaldetail endpoint. */
export function approvalEndpoints(store: ApprovalStore): EndpointTable {
  return {
    'oa/getapprovaldetail': {
      method: 'POST',
      handler: ({ body }) => {
        const spNo = body.sp_no;
        if (typeof spNo !== 'string' || spNo === '') {
          throw new WecomError(40063, 'sp_no');
        }
        // TODO: the live errcode for an unknown sp_no is not in WECOM.md;
        // 40058 (invalid parameter) until it is confirmed.
        const approval = store.get(spNo);
        if (!approval) throw new WecomError(40058, 'sp_no');
        return { info: structuredClone(approval) };
      },
    },
  };
}
