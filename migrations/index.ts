import { CreateCoreTables1764000000000 } from './1764000000000-CreateCoreTables';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [CreateCoreTables1764000000000];
