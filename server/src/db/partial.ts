import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * An entity patch for TypeORM's update builders. Its deep-partial type
 * trips over JSON columns typed as records; a plain Partial is what we mean.
 */
export function patch<T>(changes: Partial<T>): QueryDeepPartialEntity<T> {
  return changes as QueryDeepPartialEntity<T>;
}
