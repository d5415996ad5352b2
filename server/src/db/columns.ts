import { ColumnOptions, PrimaryColumnOptions } from 'typeorm';
import type {
  PrimaryGeneratedColumnNumericOptions,
} from 'typeorm/decorator/options/PrimaryGeneratedColumnNumericOptions';

/**
 * Column helpers that hide how MySQL and SQLite differ, so every entity maps
 * to both with the same code. Every column gets an explicit type: tsx and
 * esbuild emit no decorator metadata for TypeORM to guess from.
 */

/** A short string: ids, keys, names. */
export const str = (length: number, extra: ColumnOptions = {}): ColumnOptions =>
  ({ type: 'varchar', length, ...extra });

/** Long text. */
export const text = (extra: ColumnOptions = {}): ColumnOptions =>
  ({ type: 'text', ...extra });

/** An integer. */
export const int = (extra: ColumnOptions = {}): ColumnOptions =>
  ({ type: 'integer', ...extra });

/**
 * A UTC instant with millisecond precision: `datetime(3)` on MySQL, text on
 * SQLite; both come back as a Date.
 */
export const dateTime = (extra: ColumnOptions = {}): ColumnOptions =>
  ({ type: 'datetime', precision: 3, ...extra });

/**
 * JSON kept as text on both databases (MySQL's JSON type reorders keys and
 * SQLite has none), parsed and serialised by TypeORM.
 */
export const json = (extra: ColumnOptions = {}): ColumnOptions =>
  ({ type: 'simple-json', ...extra });

/** A boolean: tinyint on MySQL, integer on SQLite. */
export const bool = (extra: ColumnOptions = {}): ColumnOptions =>
  ({ type: 'boolean', ...extra });

/** Auto-increment integer id (SQLite's rowid alias; `int` on MySQL). */
export const generatedId = (): PrimaryGeneratedColumnNumericOptions =>
  ({ type: 'integer' });

/** A primary key that is a string we choose (userids, token keys). */
export const primaryStr = (length: number, name?: string): PrimaryColumnOptions =>
  ({ type: 'varchar', length, name });

/** A primary key that is an integer we are given (WeCom department ids). */
export const primaryInt = (): PrimaryColumnOptions => ({ type: 'integer' });
