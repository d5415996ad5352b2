import type { Messages } from './zh-CN';
import * as items from './areas/items';
import * as materials from './areas/materials';
import * as successor from './areas/successor';
import * as hr from './areas/hr';
import * as customers from './areas/customers';
import * as templates from './areas/templates';

const MONTHS = [
  'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
  'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
];

/** Joins names as English prose: "A", "A and B", "A, B and C". */
function names(list: string[]): string {
  if (list.length < 2) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "1 item", "3 items". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The English copy, key for key the same as zh-CN. Shown when someone asks
 * for `?lang=en` or their phone is set to English (see `./index.ts`).
 */
export const en: Messages = {
  app: {
    name: 'Baton Handover',
  },
  common: {
    loading: 'Loading…',
    retry: 'Reload',
    back: 'Back',
    pulling: 'Pull down to refresh',
    loosing: 'Release to refresh',
    refreshed: 'Refreshed',
    noMore: 'No more',
    loadFailed: 'Could not load. Tap to try again',
  },
  date: {
    monthDay: (month: number, day: number) => `${MONTHS[month - 1]} ${day}`,
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
  errors: {
    network: 'The network is unsteady. Check your connection and try again',
    badResponse: 'The server sent something unexpected. Please try again later',
    unknown: 'Something went wrong. Please try again later',
    redirecting: 'Taking you to sign in…',
    byStatus: (status: number) =>
      `The request failed (${status}). Please try again later`,
  },
  home: {
    title: 'My handovers',
    greeting: (name: string) => `Hello, ${name}`,
    hrBadge: 'HR view: you can see every handover',
    logout: 'Switch account',
    logoutUnsaved: (count: number) => `${count} ${count === 1 ? 'item has' : 'items have'}`
      + ' changes not yet saved to the server; switching account discards them.'
      + ' Switch anyway?',
    empty: 'You are not in any handover yet. '
      + 'Once HR starts one for you, it shows up here',
    loadError: 'The handover list did not load',
  },
  handover: {
    title: 'Handover',
    arrow: '→',
    lastWorkingDay: 'Last working day',
    lastWorkingDayValue: (date: string) => `Last working day ${date}`,
    progress: (percent: number, remaining: number) =>
      `${percent}% done, ${count(remaining, 'item')} left`,
    overdue: (n: number) => `${n} overdue`,
    next: (title: string) => `Next: ${title}`,
    participants: 'People',
    milestones: 'Milestones',
    noMilestones: 'This handover has no milestones yet',
    due: (date: string) => `Due ${date}`,
    noDue: 'No due date',
    overdueTag: 'Overdue',
    doneBy: (name: string, date: string) => `Done by ${name} on ${date}`,
    doneAt: (date: string) => `Done on ${date}`,
    owner: (role: string) => `Owner: ${role}`,
    complete: 'Mark as done',
    completeConfirm: (title: string) => `Mark "${title}" as done?`,
    completeConfirmTitle: 'Mark as done',
    completed: 'Marked as done',
    sign: 'Sign off',
    signConfirmTitle: 'Sign off',
    signConfirm: (title: string) =>
      `Sign off "${title}"? A signature cannot be withdrawn.`,
    signed: 'Signed',
    signatures: (signed: string[], waiting: string[]) => [
      signed.length ? `Signed: ${names(signed)}` : '',
      waiting.length ? `Waiting for: ${names(waiting)}` : '',
    ].filter(Boolean).join(' / '),
    template: (name: string) => `Template: ${name}`,
    draftNote: 'Draft: the handover begins once HR starts it',
    start: 'Start handover',
    startConfirmTitle: 'Start handover',
    startConfirm: (title: string) =>
      'Starting creates the handover group chat, tells everyone taking part '
      + `and starts the milestone clocks. Start "${title}"?`,
    started: 'Handover started',
    sections: 'What is handed over',
    sectionCount: (settled: number, total: number) =>
      `${settled}/${total} confirmed`,
    loadError: 'The handover did not load',
    notFound: 'This handover could not be found. '
      + 'It may have been deleted, or you may not have access to it',
    backHome: 'Back to my handovers',
  },
  notFound: {
    title: 'Page not found',
    description: 'This page does not exist or has moved',
  },
  roles: {
    departing: 'Departing',
    successor: 'Successor',
    hr: 'HR',
    manager: 'Manager',
    stakeholder: 'Stakeholder',
  },
  sections: {
    strategic_projects: 'Strategic projects',
    core_resources: 'Core resources',
    team: 'Team',
    risks: 'Risks and liabilities',
    documents_assets: 'Documents and assets',
    system_access: 'System access',
  },
  statuses: {
    draft: 'Draft',
    active: 'In progress',
    completed: 'Completed',
    evaluating: 'Under review',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  items: items.en,
  materials: materials.en,
  successor: successor.en,
  hr: hr.en,
  customers: customers.en,
  templates: templates.en,
};
