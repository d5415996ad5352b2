import { CreateCoreTables1764000000000 } from './1764000000000-CreateCoreTables';
import { AddTemplatesAndItems1764100000000 } from './1764100000000-AddTemplatesAndItems';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [
  CreateCoreTables1764000000000,
  AddTemplatesAndItems1764100000000,
];
