import { EntityManager } from 'typeorm';
import type { CreateItemRequest } from '@baton/shared';
import { HandoverItem } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { checkFields, checkKindInSection } from '../domain/item-fields';
import { CommandContext } from './context';

/** Adds an item the template did not ask for, as a draft. */
export async function itemCreator(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  actor: string; input: CreateItemRequest;
}): Promise<HandoverItem> {
  const { manager, context, record, actor, input } = props;
  checkKindInSection(input.section, input.kind);
  const fields = checkFields(input.kind, input.fields ?? {}, false);
  const now = new Date(context.clock.now());

  const position = Math.max(-1, ...record.items.map((i) => i.position)) + 1;
  const item = await manager.save(manager.create(HandoverItem, {
    handoverId: record.handover.id, promptKey: null, section: input.section,
    kind: input.kind, title: input.title, hint: null,
    required: input.required ?? false, fields, status: 'draft', position,
    createdBy: actor, createdAt: now, updatedAt: now,
  }));
  await audit(manager, {
    actor, action: 'item.created', targetType: 'item', targetId: item.id,
    handoverId: record.handover.id,
    details: { section: item.section, kind: item.kind, title: item.title },
  }, now);
  return item;
}
