import { HandoverRecord } from './handover-record';
import { progressPostMarkdown } from './progress-post';

function record(milestones: number, titleLength: number): HandoverRecord {
  const now = Date.parse('2026-12-10T02:00:00Z');
  return {
    handover: { id: 1, title: '张伟离任交接' },
    milestones: Array.from({ length: milestones }, (_, i) => ({
      id: i, title: `里程碑${i}${'很长的标题'.repeat(titleLength)}`.slice(0, 100),
      doneAt: null, dueAt: new Date(now + (i % 2 ? 1 : -1) * 86_400_000),
    })),
    participants: [], items: [], names: new Map(),
  } as unknown as HandoverRecord;
}

describe('progressPostMarkdown', () => {
  const base = {
    text: '本周重点：完成客户对接。\n下周一开团队会。', author: '王芳',
    progress: { percent: 40, done: 4, total: 10, remaining: 6, overdue: 3 },
    now: Date.parse('2026-12-10T02:00:00Z'), timeZone: 'Asia/Shanghai',
  };

  it('carries the text, the progress, what is left and what is overdue', () => {
    const content = progressPostMarkdown({ ...base, record: record(4, 0) });
    expect(content).toContain('> 本周重点：完成客户对接。\n> 下周一开团队会。');
    expect(content).toContain('已完成 40%，剩余 6 项');
    expect(content).toMatch(/待完成：里程碑1（12-11）、里程碑3（12-11）/);
    expect(content).toMatch(/<font color="warning">已逾期：里程碑0（12-09）/);
    expect(content.endsWith('—— 王芳')).toBe(true);
  });

  it('cuts the lists, never the text, to stay within 2048 bytes', () => {
    const text = '说明'.repeat(250); // 500 characters, 1500 bytes
    const content = progressPostMarkdown({ ...base, text, record: record(20, 15) });
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(content).toContain(text);
    expect(content).toContain('已完成 40%，剩余 6 项');
  });
});
