import { z } from 'zod';
import { TemplateDefinition } from '../templates';

/** A role template as the API shows it. */
export const TemplateView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  version: z.number(),
  status: z.enum(['active', 'retired']),
  basedOn: z.string().nullable(),
  definition: TemplateDefinition,
  updatedAt: z.string(),
  /** `clone`, `update`, `retire`. */
  actions: z.array(z.string()),
});
export type TemplateView = z.infer<typeof TemplateView>;

export const TemplateListResponse = z.object({ items: z.array(TemplateView) });
export type TemplateListResponse = z.infer<typeof TemplateListResponse>;

/** `POST /api/templates/:id/clone`. */
export const CloneTemplateRequest = z.object({
  name: z.string().trim().min(1).max(50).optional(),
}).strict();
export type CloneTemplateRequest = z.infer<typeof CloneTemplateRequest>;

/** `PUT /api/templates/:id`: the whole new definition; bumps the version. */
export const UpdateTemplateRequest = z.object({
  definition: TemplateDefinition,
}).strict();
export type UpdateTemplateRequest = z.infer<typeof UpdateTemplateRequest>;
