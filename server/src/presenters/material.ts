import type { MaterialView } from '@baton/shared';
import { chunkCount, receivedIndexes } from '../domain/materials';
import { Material } from '../entities';
import { HandoverAccess } from '../policies/access';
import { iso, person } from './handover';

/** What the caller may do to a material now. */
export function materialActions(access: HandoverAccess, m: Material): string[] {
  if (m.status === 'complete') {
    return access.actions.has('readMaterials') ? ['read'] : [];
  }
  const uploading = m.status === 'uploading'
    && m.uploader === access.actor.userid
    && access.actions.has('uploadMaterial');
  return uploading ? ['upload', 'complete'] : [];
}

/** A material for this caller, with the chunks received so far. */
export function presentMaterial(access: HandoverAccess, m: Material): MaterialView {
  return {
    id: String(m.id),
    itemId: m.itemId === null ? null : String(m.itemId),
    name: m.name,
    contentType: m.contentType,
    size: m.size,
    sha256: m.sha256,
    status: m.status,
    chunkSize: m.chunkSize,
    chunkCount: chunkCount(m.size, m.chunkSize),
    received: receivedIndexes(m.receivedChunks),
    uploadedBy: person(access.record.names, m.uploader),
    createdAt: m.createdAt.toISOString(),
    completedAt: iso(m.completedAt),
    actions: materialActions(access, m),
  };
}
