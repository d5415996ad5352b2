import { SANDBOX_RESIGNATION_APPROVAL } from '../env';
import type { EmulatedApproval, WecomEmulator } from './emulator';

/** The demo resignation request's number, for the sandbox and tests. */
export const DEMO_APPROVAL_SP_NO = '202612010001';

const DAY_S = 86_400;

/**
 * A resignation request (离职申请) as WeCom's approval app returns it, in
 * the shape of the sandbox's RESIGNATION_APPROVAL: a Date control for the
 * last day (matched by id) and a Contact control for the successor
 * (matched by its title, 工作交接人).
 */
export function resignationApproval(props: {
  spNo: string; applyer: string; successor: string | null;
  lastDayS: number | null; status?: number; applyTime: number;
  templateId?: string;
}): EmulatedApproval {
  const demo = SANDBOX_RESIGNATION_APPROVAL;
  return {
    sp_no: props.spNo, sp_name: '离职申请', sp_status: props.status ?? 2,
    template_id: props.templateId ?? demo.templateId,
    apply_time: props.applyTime,
    applyer: { userid: props.applyer, partyid: '1' },
    sp_record: [], notifyer: [], comments: [],
    apply_data: { contents: [
      { control: 'Date', id: demo.lastDayControl,
        title: [{ text: '最后工作日', lang: 'zh_CN' }],
        value: props.lastDayS === null ? {}
          : { date: { type: 'day', s_timestamp: String(props.lastDayS) } } },
      { control: 'Contact', id: 'Contact-1764400000002',
        title: [{ text: demo.successorControl, lang: 'zh_CN' }],
        value: { members: props.successor === null ? []
          : [{ userid: props.successor, name: props.successor }] } },
      { control: 'Textarea', id: 'Textarea-1764400000003',
        title: [{ text: '离职原因', lang: 'zh_CN' }],
        value: { text: '个人发展' } },
    ] },
  };
}

/**
 * Seeds the demo story's second act: 赵磊 (生产总监) has an approved
 * resignation naming 陈静 as successor, last day four weeks out. Sending
 * its sys_approval_change callback (POST /sandbox/api/callback) makes HR
 * 王芳 a draft handover. In memory only, so seeded at every start.
 */
export function seedDemoApproval(emulator: WecomEmulator): void {
  const now = Math.floor(emulator.clock.now() / 1000);
  emulator.addApproval(resignationApproval({
    spNo: DEMO_APPROVAL_SP_NO, applyer: 'zhaolei', successor: 'chenjing',
    lastDayS: now + 28 * DAY_S, applyTime: now - DAY_S,
  }));
}
