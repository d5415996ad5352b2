import { Handover, Milestone } from '../entities';
import { milestoneCard } from './wecom-messages';

const card = (signers: Milestone['signers']) => milestoneCard({
  handover: { id: 7, title: '张伟离任交接' } as Handover,
  milestone: { id: 3, title: '三方签字确认', signers } as Milestone,
  taskId: 'btabc', touser: ['wangfang'], dueLabel: '2026-12-28',
  progress: { percent: 50, done: 5, total: 10, remaining: 5, overdue: 0 },
  publicUrl: 'https://baton.example.com',
}).payload.template_card as { button_list: { type: number; key?: string; url?: string }[] };

describe('milestoneCard', () => {
  it('offers 标记完成 as a callback button and the H5 as a link', () => {
    expect(card(null).button_list).toEqual([
      expect.objectContaining({ type: 0, key: 'complete' }),
      expect.objectContaining({ type: 1, url: 'https://baton.example.com/handovers/7' }),
    ]);
  });

  it('sends a sign-off to the H5 to sign, with no button WeCom would have us refuse', () => {
    const buttons = card(['successor', 'manager', 'hr']).button_list;
    expect(buttons).toEqual([expect.objectContaining({ type: 1, text: '去签署' })]);
  });
});
