import { EntityManager } from 'typeorm';
import type { UpdateItemRequest } from '@baton/shared';
import { patch } from '../db/partial';
import { HandoverItem } from '../entities';
import { audit } from '../domain/audit';
import { checkFields, mergeFields } from '../domain/item-fields';
import { conflict } from '../errors';
import { CommandContext } from './context';

/**
 * Saves a draft as it is typed: the patch is merged into the fields and
 * checked field by field. The audit names what changed, never the values:
 * they may be confidential.
 */
export async function itemUpdater(props: {
  manager: EntityManager; context: CommandContext; item: HandoverItem;
  actor: string; input: UpdateItemRequest;
}): Promise<void> {
  const { manager, context, item, actor, input } = props;
  const fields = input.fields
    ? checkFields(item.kind, mergeFields(item.fields, input.fields), false)
    : item.fields;
  const now = new Date(context.clock.now());
  const changed = [
    ...(input.title !== undefined && input.title !== item.title ? ['title'] : []),
    ...Object.keys(input.fields ?? {}).map((name) => `fields.${name}`),
  ];

  const result = await manager.createQueryBuilder().update(HandoverItem)
    .set(patch<HandoverItem>({ title: input.title ?? item.title, fields, updatedAt: now }))
    .where('id = :id AND status = :draft', { id: item.id, draft: 'draft' })
    .execute();
  if (result.affected !== 1) throw conflict('item is no longer a draft');
  Object.assign(item, { title: input.title ?? item.title, fields, updatedAt: now });

  await audit(manager, {
    actor, action: 'item.updated', targetType: 'item', targetId: item.id,
    handoverId: item.handoverId, details: { changed },
  }, now);
}
