import { computeProgress } from './progress';

const at = (iso: string) => new Date(iso);

describe('computeProgress', () => {
  it('counts settled required items and done milestones, ignoring optional items', () => {
    const progress = computeProgress({
      milestones: [
        { doneAt: at('2026-12-01T00:00:00Z'), dueAt: null },
        { doneAt: null, dueAt: at('2026-12-02T00:00:00Z') },
      ],
      items: [
        { required: true, status: 'acknowledged' },
        { required: true, status: 'not_applicable' },
        { required: true, status: 'submitted' },
        { required: false, status: 'draft' },
      ],
    }, Date.parse('2026-12-03T00:00:00Z'));
    expect(progress).toEqual({ percent: 60, done: 3, total: 5, remaining: 2, overdue: 1 });
  });

  it('is 0 % of nothing rather than dividing by zero', () => {
    expect(computeProgress({ milestones: [], items: [] }, 0))
      .toEqual({ percent: 0, done: 0, total: 0, remaining: 0, overdue: 0 });
  });
});
