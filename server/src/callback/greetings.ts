import { EntityManager } from 'typeorm';
import { copy } from '../copy/zh-CN';
import { CommandContext } from '../commands/context';
import { dateInZone } from '../domain/calendar';
import { CallbackReceipt } from '../entities';
import { insertOrIgnore } from '../db/insert-or-ignore';
import type { Logger } from '../logger';
import { PassiveReply } from './route';
import { field, XmlNode } from './xml';

export interface GreetingDeps {
  context: CommandContext;
  corpId: string;
  logger: Logger;
}

/**
 * `enter_agent`: someone opened the app. A passive text reply links to
 * 我的交接, at most once per member per business day: a receipt row
 * `greeted:<userid>:<day>` remembers it, so several processes agree.
 */
export async function agentEntered(event: XmlNode, manager: EntityManager,
  deps: GreetingDeps): Promise<PassiveReply> {
  const userid = field(event, 'FromUserName');
  if (!userid || userid === 'sys') return;
  const now = deps.context.clock.now();
  const day = dateInZone(now, deps.context.tzBusiness);
  const dedupeKey = `greeted:${userid}:${day}`.slice(0, 191);
  if (!await insertOrIgnore(manager, CallbackReceipt,
    { dedupeKey, kind: 'greeting', receivedAt: new Date(now) })) {
    deps.logger.debug({ userid }, 'member already greeted today');
    return;
  }
  return textReply(userid, deps, copy.enterAgent(homeUrl(deps)));
}

/** A text message to the app: Baton does not chat, it points home. */
export async function textReceived(event: XmlNode, _manager: EntityManager,
  deps: GreetingDeps): Promise<PassiveReply> {
  const userid = field(event, 'FromUserName');
  if (!userid || userid === 'sys') return;
  return textReply(userid, deps, copy.textHelp(homeUrl(deps)));
}

function homeUrl(deps: GreetingDeps): string {
  return `${deps.context.publicUrl}/`;
}

/** A passive text reply: to the member, from the corp (D:96469). */
function textReply(userid: string, deps: GreetingDeps, content: string) {
  return { ToUserName: userid, FromUserName: deps.corpId, MsgType: 'text',
    Content: content };
}
