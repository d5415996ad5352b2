import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { CommandContext } from '../commands/context';
import { ResignationApprovalConfig } from '../env';
import type { Logger } from '../logger';
import { WecomClient } from '../wecom/client';
import { resignationRunner } from './approval';
import { memberFetchRunner } from './contact';
import { CallbackTasks } from './tasks';

/** The callback task runner with every kind Baton queues. */
export function createCallbackTasks(deps: {
  db: DataSource; client: WecomClient; clock: Clock; logger: Logger;
  context: CommandContext; resignationApproval: ResignationApprovalConfig | null;
}): CallbackTasks {
  const { db, client, context, logger } = deps;
  return new CallbackTasks({
    db, clock: deps.clock, logger,
    runners: {
      'directory.user': memberFetchRunner({ db, client, context, logger }),
      'approval.resignation': resignationRunner({ db, client, context, logger,
        config: deps.resignationApproval }),
    },
  });
}
