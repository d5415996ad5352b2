import { DataSource } from 'typeorm';
import { BUILTIN_TEMPLATES } from '@baton/shared';
import { Clock } from '../clock';
import { patch } from '../db/partial';
import { HandoverTemplate } from '../entities';
import type { Logger } from '../logger';

/**
 * Makes the database's built-in templates match the ones shipped in
 * shared/: new ones are added, newer versions replace older ones. A
 * retired built-in stays retired. Safe to run at every start.
 */
export async function seedBuiltinTemplates(db: DataSource, clock: Clock,
  logger: Logger): Promise<void> {
  const repo = db.getRepository(HandoverTemplate);
  const now = new Date(clock.now());
  for (const builtin of BUILTIN_TEMPLATES) {
    const existing = await repo.findOneBy({ key: builtin.key });
    if (existing && existing.version >= builtin.version) continue;
    if (existing) {
      await repo.update({ id: existing.id }, patch<HandoverTemplate>({
        definition: builtin.definition, name: builtin.definition.name,
        version: builtin.version, updatedAt: now,
      }));
    } else {
      await repo.insert({
        key: builtin.key, name: builtin.definition.name, builtin: true,
        version: builtin.version, status: 'active', definition: builtin.definition,
        basedOnId: null, createdBy: null, createdAt: now, updatedAt: now,
      });
    }
    logger.info({ template: builtin.key, version: builtin.version }, 'built-in template seeded');
  }
}
