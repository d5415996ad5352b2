import type { ItemKind } from '@baton/shared';

/**
 * Complete, valid fields for an item of each kind, as a departing
 * executive would fill them; `n` varies names so items differ.
 */
export function validFields(kind: ItemKind, n = 1): Record<string, unknown> {
  const money = { amount: `${120000 + n}.50`, currency: 'CNY' };
  switch (kind) {
    case 'project':
      return { goal: `年度目标 ${n}`, progress: 60, openProblems: '排产冲突待定',
        nextKeyDates: [{ date: '2027-01-15', what: '阶段评审' }] };
    case 'client':
      return { name: `华信机械 ${n}`, preferences: '偏好电话沟通，周五不开会',
        openOrders: 'PO-2026-118 待交付' };
    case 'supplier':
      return { name: `精工配件 ${n}`, risk: 'medium', unsettled: money,
        dueDate: '2027-01-20' };
    case 'team_member':
      return { userid: 'lina', recentPerformance: '超额完成华东指标',
        weaknesses: '跨部门协调偏弱', strengths: '大客户谈判' };
    case 'contract':
    case 'dispute':
    case 'receivable':
      return { counterparty: `东方精密 ${n}`, amount: money, dueDate: '2027-02-28',
        status: '履行中' };
    case 'audit':
      return { firm: '立信会计师事务所', stage: '年审外勤', openQuestions: '存货盘点差异' };
    case 'document':
      return { name: `合同台账 ${n}`, location: '企业微盘/财务部/台账' };
    case 'asset':
      return { name: `网银 U 盾 ${n}`, returned: true };
    case 'system_access':
      return { system: `用友 ERP ${n}`, permission: '付款审批', action: 'transfer' };
  }
}
