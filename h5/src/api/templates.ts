import {
  type TemplateDefinition, TemplateListResponse, TemplateView,
} from '@baton/shared';
import { request } from './http';

/**
 * The role-template (岗位模板) calls. They name the shared schemas
 * statically, so zod comes with this module: import it from the template
 * and HR screens only, never through the `@/api` index (the first route).
 */

function templatePath(id: string): string {
  return `/api/templates/${encodeURIComponent(id)}`;
}

/**
 * `GET /api/templates`: the active role templates, built-in ones first.
 * With `includeRetired` HR also gets the retired ones; for anyone else the
 * server ignores it and answers with the active ones.
 */
export function fetchTemplates(
  includeRetired = false,
  signal?: AbortSignal,
): Promise<TemplateListResponse> {
  return request('/api/templates', TemplateListResponse, {
    query: { include: includeRetired ? 'retired' : undefined },
    signal,
  });
}

/** `GET /api/templates/:id`: one template, retired or not; everyone may read. */
export function fetchTemplate(
  id: string,
  signal?: AbortSignal,
): Promise<TemplateView> {
  return request(templatePath(id), TemplateView, { signal });
}

/**
 * `POST /api/templates/:id/clone`: HR copies a template (built-in or not)
 * as a new one at version 1, named `name` (the server appends 副本 when
 * none is given). 403 for anyone but HR.
 */
export function cloneTemplate(id: string, name?: string): Promise<TemplateView> {
  return request(`${templatePath(id)}/clone`, TemplateView, {
    method: 'POST', body: name ? { name } : {},
  });
}

/**
 * `PUT /api/templates/:id`: replaces an HR copy's whole definition as its
 * next version. 403 on a built-in, 409 once retired or when someone else
 * saved first, 400 naming the field the definition breaks.
 */
export function updateTemplate(
  id: string,
  definition: TemplateDefinition,
): Promise<TemplateView> {
  return request(templatePath(id), TemplateView, {
    method: 'PUT', body: { definition },
  });
}

/**
 * `POST /api/templates/:id/retire`: no new handovers start from it; those
 * running keep their snapshot. 409 when it is retired already.
 */
export function retireTemplate(id: string): Promise<TemplateView> {
  return request(`${templatePath(id)}/retire`, TemplateView, { method: 'POST' });
}
