import { EntityManager, IsNull } from 'typeorm';
import { HandoverItem } from '../entities';
import { audit } from '../domain/audit';
import { conflict } from '../errors';
import { CommandContext } from './context';

/** Deletes a draft item added by hand (template prompts are marked N/A instead). */
export async function itemDeleter(props: {
  manager: EntityManager; context: CommandContext; item: HandoverItem; actor: string;
}): Promise<void> {
  const { manager, context, item, actor } = props;
  const result = await manager.delete(HandoverItem,
    { id: item.id, status: 'draft', promptKey: IsNull() });
  if (!result.affected) throw conflict('item is no longer a draft');
  await audit(manager, {
    actor, action: 'item.deleted', targetType: 'item', targetId: item.id,
    handoverId: item.handoverId, details: { title: item.title, kind: item.kind },
  }, new Date(context.clock.now()));
}
