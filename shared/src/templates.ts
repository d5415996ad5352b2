import { z } from 'zod';
import { PARTICIPANT_ROLES } from './enums';
import { ITEM_KINDS, SECTION_KINDS, SECTIONS } from './items';
import { ReminderSettingsInput } from './reminders';

/**
 * Role templates: what a handover of a 销售总监 or 财务总监 asks for, and by
 * when. Built-in ones ship in `templates/`; HR clones and edits copies.
 */

/** What completes a milestone by itself, besides its owner's click. */
export const MILESTONE_RULES = [
  'documents_acknowledged', 'clients_acknowledged', 'team_acknowledged',
  'access_acknowledged', 'signed_off',
] as const;
export type MilestoneRule = (typeof MILESTONE_RULES)[number];

export const ItemPrompt = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/),
  kind: z.enum(ITEM_KINDS),
  title: z.string().trim().min(1).max(100),
  hint: z.string().max(500).optional(),
  required: z.boolean(),
}).strict();
export type ItemPrompt = z.infer<typeof ItemPrompt>;

export const TemplateSection = z.object({
  key: z.enum(SECTIONS),
  prompts: z.array(ItemPrompt).max(50),
}).strict();

export const TemplateMilestone = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/),
  title: z.string().trim().min(1).max(100),
  ownerRole: z.enum(PARTICIPANT_ROLES),
  /** Business days from the start, or from the last working day (may be negative). */
  due: z.object({
    from: z.enum(['start', 'last_day']),
    businessDays: z.number().int().min(-60).max(60),
  }).strict(),
  rule: z.enum(MILESTONE_RULES).optional(),
  /** For `signed_off`: every one of these roles must sign. */
  signers: z.array(z.enum(PARTICIPANT_ROLES)).max(5).optional(),
}).strict();
export type TemplateMilestone = z.infer<typeof TemplateMilestone>;

/** A whole template as stored and as a running handover keeps it. */
export const TemplateDefinition = z.object({
  name: z.string().trim().min(1).max(50),
  description: z.string().max(500),
  sections: z.array(TemplateSection).max(SECTIONS.length),
  milestones: z.array(TemplateMilestone).min(1).max(20),
  /** How overdue milestones are chased; see reminders.ts for the defaults. */
  reminders: ReminderSettingsInput.optional(),
}).strict().superRefine((t, ctx) => {
  const sections = t.sections.map((s) => s.key);
  if (new Set(sections).size !== sections.length) {
    ctx.addIssue({ code: 'custom', path: ['sections'], message: 'a section appears twice' });
  }
  const prompts = t.sections.flatMap((s) => s.prompts.map((p) => p.key));
  if (new Set(prompts).size !== prompts.length) {
    ctx.addIssue({ code: 'custom', path: ['sections'], message: 'two prompts share a key' });
  }
  const milestones = t.milestones.map((m) => m.key);
  if (new Set(milestones).size !== milestones.length) {
    ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'two milestones share a key' });
  }
  // Completion waits for the sign-off: without one a handover could be
  // completed with nobody having signed, with two it is unclear which.
  if (t.milestones.filter((m) => m.rule === 'signed_off').length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['milestones'],
      message: 'a template needs exactly one sign-off milestone (rule signed_off)' });
  }
  t.milestones.forEach((m, i) => {
    if ((m.rule === 'signed_off') !== Boolean(m.signers?.length)) {
      ctx.addIssue({ code: 'custom', path: ['milestones', i, 'signers'],
        message: 'signers go with the signed_off rule, and only with it' });
    }
  });
  t.sections.forEach((s, i) => s.prompts.forEach((p, j) => {
    if (!SECTION_KINDS[s.key].includes(p.kind)) {
      ctx.addIssue({ code: 'custom', path: ['sections', i, 'prompts', j, 'kind'],
        message: `${p.kind} does not belong in ${s.key}` });
    }
  }));
});
export type TemplateDefinition = z.infer<typeof TemplateDefinition>;

