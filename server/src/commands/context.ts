import { Clock } from '../clock';
import { BusinessCalendar } from '../domain/calendar';
import { PolicyContext } from '../policies/handover';

/** What every command needs besides its own props. */
export interface CommandContext {
  clock: Clock;
  /** Base of links in cards and messages. */
  publicUrl: string;
  /** Zone of due dates. */
  tzBusiness: string;
  /** Business days for due dates. */
  calendar: BusinessCalendar;
  /** Days after close the departing executive may still read. */
  departingReadDays: number;
}

/** The policy context of a command context, now. */
export function policyContext(context: CommandContext): PolicyContext {
  return { now: context.clock.now(), departingReadDays: context.departingReadDays };
}
