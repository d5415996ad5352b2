import { type ItemView, PERSON_FIELDS, SENSITIVE_FIELDS } from '@baton/shared';
import { HandoverItem } from '../entities';
import { HandoverAccess } from '../policies/access';
import { iso, person } from './handover';

/**
 * An item for this caller: team-member performance notes are left out
 * (and named in `hiddenFields`) unless the caller may read them; person
 * fields come with the colleague's name.
 */
export function presentItem(access: HandoverAccess, item: HandoverItem): ItemView {
  const hidden = access.actions.has('readSensitive')
    ? [] : (SENSITIVE_FIELDS[item.kind] ?? []).filter((f) => f in item.fields);
  const fields = Object.fromEntries(Object.entries(item.fields)
    .filter(([name]) => !hidden.includes(name)));
  return {
    id: String(item.id),
    section: item.section,
    kind: item.kind,
    title: item.title,
    hint: item.hint,
    required: item.required,
    fromTemplate: item.promptKey !== null,
    status: item.status,
    fields,
    hiddenFields: hidden,
    people: peopleOf(access, item.kind, fields),
    naReason: item.naReason,
    returnComment: item.returnComment,
    submittedAt: iso(item.submittedAt),
    acknowledgedAt: iso(item.acknowledgedAt),
    acknowledgedBy: item.acknowledgedBy
      ? person(access.record.names, item.acknowledgedBy) : null,
    updatedAt: item.updatedAt.toISOString(),
    actions: [...access.itemActions(item)],
  };
}

/** The colleague each person field names, by field. */
function peopleOf(access: HandoverAccess, kind: HandoverItem['kind'],
  fields: Record<string, unknown>): ItemView['people'] {
  const people: ItemView['people'] = {};
  for (const field of PERSON_FIELDS[kind] ?? []) {
    const userid = fields[field];
    if (typeof userid === 'string' && userid !== '') {
      people[field] = person(access.record.names, userid);
    }
  }
  return people;
}
