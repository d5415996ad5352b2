import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TemplateDefinition } from '@baton/shared';
import { patch } from '../db/partial';
import { HandoverTemplate } from '../entities';
import { audit } from '../domain/audit';
import { conflict } from '../errors';
import { Clock } from '../clock';

/**
 * HR's template changes. A clone starts at version 1; every edit bumps the
 * version, and handovers already created keep the snapshot they took.
 */

/** Copies a template (built-in or not) as a new, editable one. */
export async function templateCloner(props: {
  db: DataSource; clock: Clock; actor: string; source: HandoverTemplate; name?: string;
}): Promise<HandoverTemplate> {
  const { db, clock, actor, source } = props;
  const now = new Date(clock.now());
  const name = props.name ?? `${source.name}（副本）`.slice(0, 50);
  return db.transaction(async (manager) => {
    const copy = await manager.save(manager.create(HandoverTemplate, {
      key: `custom_${crypto.randomBytes(6).toString('hex')}`, name, builtin: false,
      version: 1, status: 'active', definition: { ...source.definition, name },
      basedOnId: source.id, createdBy: actor, createdAt: now, updatedAt: now,
    }));
    await audit(manager, {
      actor, action: 'template.cloned', targetType: 'template', targetId: copy.id,
      details: { from: source.id, fromVersion: source.version, name },
    }, now);
    return copy;
  });
}

/** Replaces a custom template's definition as a new version. */
export async function templateEditor(props: {
  db: DataSource; clock: Clock; actor: string; template: HandoverTemplate;
  definition: TemplateDefinition;
}): Promise<void> {
  const { db, clock, actor, template, definition } = props;
  const now = new Date(clock.now());
  await db.transaction(async (manager) => {
    const result = await manager.createQueryBuilder().update(HandoverTemplate)
      .set(patch<HandoverTemplate>({ definition, name: definition.name,
        version: template.version + 1, updatedAt: now }))
      .where('id = :id AND version = :version AND builtin = :no',
        { id: template.id, version: template.version, no: false })
      .execute();
    if (result.affected !== 1) throw conflict('the template changed meanwhile; reload');
    await audit(manager, {
      actor, action: 'template.updated', targetType: 'template', targetId: template.id,
      details: { version: template.version + 1 },
    }, now);
  });
}

/** Retires a template: no new handovers from it; running ones are unaffected. */
export async function templateRetirer(props: {
  db: DataSource; clock: Clock; actor: string; template: HandoverTemplate;
}): Promise<void> {
  const { db, clock, actor, template } = props;
  const now = new Date(clock.now());
  await db.transaction(async (manager) => {
    await manager.update(HandoverTemplate, { id: template.id },
      { status: 'retired', updatedAt: now });
    await audit(manager, {
      actor, action: 'template.retired', targetType: 'template', targetId: template.id,
      details: {},
    }, now);
  });
}
