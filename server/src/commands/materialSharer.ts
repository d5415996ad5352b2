import { EntityManager } from 'typeorm';
import { copy } from '../copy/zh-CN';
import { Material } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { handoverUrl } from '../domain/wecom-messages';
import { conflict } from '../errors';
import { WECOM_FILE_LIMIT } from '../outbox/material-senders';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';

/**
 * Shares a material a participant chose to the handover's group: as a
 * file message (media upload first) up to WeCom's 20 MB file limit, and
 * above it as a textcard linking to the file in the H5.
 */
export async function materialSharer(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  material: Material; actor: string;
}): Promise<{ as: 'file' | 'link' }> {
  const { manager, context, record, material, actor } = props;
  const { handover } = record;
  if (material.status !== 'complete') throw conflict('the file is not fully uploaded yet');
  if (handover.status !== 'active' || !handover.chatId) {
    throw conflict('the handover has no group to share to');
  }
  const now = new Date(context.clock.now());
  const size = Number(material.size);
  const shared = await audit(manager, {
    actor, action: 'material.shared', targetType: 'material', targetId: material.id,
    handoverId: handover.id, details: { name: material.name, size },
  }, now);
  const dedupeKey = `material:${material.id}:share:${shared.id}`;

  if (size <= WECOM_FILE_LIMIT) {
    await enqueue(manager, {
      kind: 'material.share', handoverId: handover.id, dedupeKey,
      payload: { chatid: handover.chatId, materialId: material.id,
        storageKey: material.storageKey, name: material.name,
        contentType: material.contentType, size },
    }, now);
    return { as: 'file' };
  }
  await enqueue(manager, {
    kind: 'appchat.send', handoverId: handover.id, dedupeKey,
    payload: { chatid: handover.chatId, msgtype: 'textcard', textcard: {
      title: material.name.slice(0, 40),
      description: copy.sharedLargeFile(record.names.get(actor) ?? actor,
        (size / 1024 / 1024).toFixed(1)),
      url: `${handoverUrl(context.publicUrl, handover.id)}/materials/${material.id}`,
      btntxt: copy.open,
    } },
  }, now);
  return { as: 'link' };
}
