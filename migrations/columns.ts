import { TableColumnOptions } from 'typeorm';

/**
 * Column shapes for migrations, matching server/src/db/columns.ts, so the
 * same migration makes the same table on MySQL and SQLite.
 */

/** Auto-increment integer primary key (an alias of SQLite's rowid). */
export const id = (): TableColumnOptions => ({
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true,
  generationStrategy: 'increment',
});

export const str = (name: string, length: number,
  extra: Partial<TableColumnOptions> = {}): TableColumnOptions =>
  ({ name, type: 'varchar', length: String(length), ...extra });

export const int = (name: string,
  extra: Partial<TableColumnOptions> = {}): TableColumnOptions =>
  ({ name, type: 'integer', ...extra });

export const text = (name: string,
  extra: Partial<TableColumnOptions> = {}): TableColumnOptions =>
  ({ name, type: 'text', ...extra });

/** JSON as text; see server/src/db/columns.ts for why. */
export const json = text;

/** A UTC instant with milliseconds. */
export const dateTime = (name: string,
  extra: Partial<TableColumnOptions> = {}): TableColumnOptions =>
  ({ name, type: 'datetime', precision: 3, ...extra });
