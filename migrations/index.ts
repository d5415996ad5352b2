import { CreateCoreTables1764000000000 } from './1764000000000-CreateCoreTables';
import { AddTemplatesAndItems1764100000000 } from './1764100000000-AddTemplatesAndItems';
import { AddCallbackTasks1764400000000 } from './1764400000000-AddCallbackTasks';
import { AddCustomerTransfer1764300000000 } from './1764300000000-AddCustomerTransfer';
import { AddMilestoneReminders1764200000000 } from './1764200000000-AddMilestoneReminders';
import { AddMaterials1764500000000 } from './1764500000000-AddMaterials';
import { AddQuestions1764600000000 } from './1764600000000-AddQuestions';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [
  CreateCoreTables1764000000000,
  AddTemplatesAndItems1764100000000,
  AddCallbackTasks1764400000000,
  AddCustomerTransfer1764300000000,
  AddMilestoneReminders1764200000000,
  AddMaterials1764500000000,
  AddQuestions1764600000000,
];
