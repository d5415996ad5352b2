import { z } from 'zod';
import { validationError } from '../errors';

/**
 * Parses input with a schema; the first problem becomes a 400 naming the
 * field (`lastWorkingDay`, `items.0.amount`).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || undefined;
  if (issue.code === 'unrecognized_keys') {
    const path = [...issue.path.map(String), issue.keys[0]].join('.');
    throw validationError(`unknown field ${path}`, path);
  }
  throw validationError(field ? `${field}: ${issue.message}` : issue.message, field);
}
