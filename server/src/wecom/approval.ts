import { WecomClient } from './client';

/** One control's answer in an approval (D:91982); only what Baton reads. */
export interface ApprovalContent {
  control: string;
  id: string;
  title?: { text: string; lang?: string }[];
  value?: {
    text?: string;
    /** Date control: `s_timestamp` is unix seconds, as a string. */
    date?: { type?: string; s_timestamp?: string };
    /** Contact control: the chosen members. */
    members?: { userid: string; name?: string }[];
  };
}

/** `oa/getapprovaldetail`'s `info`. */
export interface ApprovalDetail {
  sp_no: string;
  sp_name: string;
  /** 1 in review, 2 approved, 3 rejected, 4 revoked, 6, 7, 10 (D:96508). */
  sp_status: number;
  template_id: string;
  apply_time: number;
  applyer: { userid: string; partyid?: string };
  apply_data: { contents: ApprovalContent[] };
}

/** `oa/getapprovaldetail`: one approval by its number (WECOM.md 12). */
export async function getApprovalDetail(client: WecomClient, spNo: string) {
  const body = await client.post<{ info: ApprovalDetail }>(
    'oa/getapprovaldetail', { sp_no: spNo });
  return body.info;
}
