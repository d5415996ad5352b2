import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { CommandContext } from '../commands/context';
import { Env } from '../env';
import type { Logger } from '../logger';
import { OutboxDispatcher } from '../outbox/dispatcher';
import { Storage } from '../storage/storage';
import { WecomClient } from '../wecom/client';

/** What route modules are built from. */
export interface RouteDeps {
  env: Env;
  db: DataSource;
  clock: Clock;
  logger: Logger;
  wecom: WecomClient;
  outbox: OutboxDispatcher;
  commands: CommandContext;
  isHr: (userid: string) => boolean;
  isAdmin: (userid: string) => boolean;
  storage: Storage;
}
