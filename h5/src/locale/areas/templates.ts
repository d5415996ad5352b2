import type { TemplateMilestone } from '@baton/shared';

type DueFrom = TemplateMilestone['due']['from'];

/**
 * Copy for the role-template (岗位模板) screens, in Chinese and English
 * (same keys). Kinds, sections and roles come from the shared areas.
 */
export const zh = {
  title: '岗位模板',
  link: '岗位模板',
  tabs: { active: '在用', all: '全部' },
  loadError: '岗位模板没有加载出来',
  empty: { active: '没有在用的岗位模板', all: '还没有岗位模板' },
  readOnly: '岗位模板由人事维护，这里可以查看每个模板交接什么、何时完成',
  builtin: '内置',
  custom: '自定义',
  retired: '已停用',
  version: (version: number) => `第 ${version} 版`,
  counts: (sections: number, prompts: number, milestones: number) =>
    `${sections} 个部分 · ${prompts} 项事项 · ${milestones} 个里程碑`,
  basedOn: (name: string) => `复制自「${name}」`,
  updatedAt: (date: string) => `更新于 ${date}`,
  notFound: '找不到这个岗位模板',
  backToList: '回到岗位模板',
  noPrompts: '这一部分没有事项',
  milestones: '里程碑',
  due: (from: DueFrom, days: number) => {
    const anchor = from === 'start' ? '启动' : '最后工作日';
    if (days === 0) return `${anchor}当天`;
    return `${anchor}${days < 0 ? '前' : '后'} ${Math.abs(days)} 个工作日`;
  },
  reminders: {
    title: '逾期提醒',
    interval: '提醒间隔',
    intervalValue: (hours: number) => `每 ${hours} 小时`,
    escalate: '升级',
    escalateValue: (count: number) => `提醒 ${count} 次后告知负责人和人事`,
    quiet: '免打扰',
    none: '不设',
  },
  builtinNote: '内置模板不能直接修改；复制为新模板后可以调整',
  retiredNote: '已停用：不能再用它发起交接，进行中的交接不受影响',
  clone: {
    action: '复制为新模板',
    short: '复制',
    name: '新模板名称',
    defaultName: (name: string) => `${name}（副本）`,
    note: '复制后可以修改事项和里程碑，原模板不受影响',
    confirm: '复制并打开',
    done: '已复制，可以开始修改',
  },
  retire: {
    action: '停用',
    title: '停用模板',
    confirm: (name: string) =>
      `停用「${name}」后不能再用它发起交接，进行中的交接不受影响。确认停用？`,
    done: '模板已停用',
  },
  edit: {
    action: '编辑',
    name: '模板名称',
    description: '说明',
    nameRequired: '请填写模板名称',
    cancel: '放弃修改',
    save: '保存',
    saved: (version: number) => `已保存为第 ${version} 版`,
    leaveTitle: '放弃修改？',
    leave: '修改还没有保存，离开会丢弃它们。确认离开？',
    addPrompt: '添加事项',
    promptTitle: '事项标题',
    kind: '类型',
    required: '必填',
    add: '添加',
    addMilestone: '添加里程碑',
    editMilestone: '修改里程碑',
    milestoneTitle: '名称',
    owner: '负责',
    from: '起算',
    fromNames: { start: '启动', last_day: '最后工作日' } satisfies
      Record<DueFrom, string>,
    before: '前',
    after: '后',
    days: '截止',
    confirm: '确定',
    remove: '删除',
    keepOne: '至少保留一个里程碑',
  },
};

export const en: typeof zh = {
  title: 'Role templates',
  link: 'Role templates',
  tabs: { active: 'In use', all: 'All' },
  loadError: 'The role templates did not load',
  empty: { active: 'No role template is in use', all: 'No role templates yet' },
  readOnly: 'HR maintains the role templates; here you can see what each '
    + 'one hands over, and by when',
  builtin: 'Built-in',
  custom: 'Custom',
  retired: 'Retired',
  version: (version: number) => `Version ${version}`,
  counts: (sections: number, prompts: number, milestones: number) =>
    `${sections} sections · ${prompts} items · ${milestones} milestones`,
  basedOn: (name: string) => `Copied from "${name}"`,
  updatedAt: (date: string) => `Updated ${date}`,
  notFound: 'This role template could not be found',
  backToList: 'Back to role templates',
  noPrompts: 'Nothing in this section',
  milestones: 'Milestones',
  due: (from: DueFrom, days: number) => {
    const anchor = from === 'start' ? 'the start' : 'the last working day';
    if (days === 0) return `On ${anchor}`;
    const n = Math.abs(days);
    return `${n} business ${n === 1 ? 'day' : 'days'} `
      + `${days < 0 ? 'before' : 'after'} ${anchor}`;
  },
  reminders: {
    title: 'Overdue reminders',
    interval: 'Every',
    intervalValue: (hours: number) => `${hours} ${hours === 1 ? 'hour' : 'hours'}`,
    escalate: 'Escalate',
    escalateValue: (count: number) =>
      `Tell the manager and HR after ${count} reminders`,
    quiet: 'Quiet hours',
    none: 'None',
  },
  builtinNote: 'Built-in templates cannot be changed; copy one to adapt it',
  retiredNote: 'Retired: no new handover starts from it; running ones '
    + 'are unaffected',
  clone: {
    action: 'Copy as new template',
    short: 'Copy',
    name: 'Name',
    defaultName: (name: string) => `${name} (copy)`,
    note: 'You can change the copy\'s items and milestones; the original '
      + 'stays as it is',
    confirm: 'Copy and open',
    done: 'Copied: you can change it now',
  },
  retire: {
    action: 'Retire',
    title: 'Retire template',
    confirm: (name: string) => `Once "${name}" is retired no new handover `
      + 'can start from it; running ones are unaffected. Retire it?',
    done: 'Template retired',
  },
  edit: {
    action: 'Edit',
    name: 'Name',
    description: 'Description',
    nameRequired: 'Give the template a name',
    cancel: 'Discard',
    save: 'Save',
    saved: (version: number) => `Saved as version ${version}`,
    leaveTitle: 'Discard changes?',
    leave: 'Your changes are not saved; leaving discards them. Leave anyway?',
    addPrompt: 'Add item',
    promptTitle: 'Title',
    kind: 'Kind',
    required: 'Required',
    add: 'Add',
    addMilestone: 'Add milestone',
    editMilestone: 'Edit milestone',
    milestoneTitle: 'Title',
    owner: 'Owner',
    from: 'Counted from',
    fromNames: { start: 'Start', last_day: 'Last working day' },
    before: 'Before',
    after: 'After',
    days: 'Due',
    confirm: 'Done',
    remove: 'Delete',
    keepOne: 'Keep at least one milestone',
  },
};
