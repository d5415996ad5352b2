import type { TemplateDefinition } from '../templates';
import { FINANCE_DIRECTOR } from './finance-director';
import { GENERAL_MANAGER } from './general-manager';
import { MARKETING_DIRECTOR } from './marketing-director';
import { OPERATIONS_DIRECTOR } from './operations-director';
import { PRODUCTION_DIRECTOR } from './production-director';
import { SALES_DIRECTOR } from './sales-director';

export { MIN_LEAD_BUSINESS_DAYS } from './milestones';

/** A role template that ships with Baton, under a stable key. */
export interface BuiltinTemplate {
  /** Stable across releases; what a stored copy points back to. */
  key: string;
  /** Raised whenever the definition changes, so copies can tell. */
  version: number;
  definition: TemplateDefinition;
}

/** The built-in role templates, in the order HR is offered them. */
export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  { key: 'sales_director', version: 1, definition: SALES_DIRECTOR },
  { key: 'finance_director', version: 1, definition: FINANCE_DIRECTOR },
  { key: 'production_director', version: 1, definition: PRODUCTION_DIRECTOR },
  { key: 'operations_director', version: 1, definition: OPERATIONS_DIRECTOR },
  { key: 'marketing_director', version: 1, definition: MARKETING_DIRECTOR },
  { key: 'general_manager', version: 1, definition: GENERAL_MANAGER },
];
