import { Clock } from '../clock';

/** What every command needs besides its own props. */
export interface CommandContext {
  clock: Clock;
  /** Base of links in cards and messages. */
  publicUrl: string;
  /** Zone of due dates. */
  tzBusiness: string;
}
