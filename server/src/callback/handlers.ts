import type { EntityManager } from 'typeorm';
import { copy } from '../copy/zh-CN';
import { CommandContext, policyContext } from '../commands/context';
import { milestoneCompleter } from '../commands/milestoneCompleter';
import { Milestone } from '../entities';
import { loadHandover } from '../domain/handover-record';
import { textTo } from '../domain/wecom-messages';
import type { Logger } from '../logger';
import { enqueue } from '../outbox/outbox';
import { HandoverAccess } from '../policies/access';
import { ResignationApprovalConfig } from '../env';
import { approvalChanged } from './approval';
import { contactChanged } from './contact';
import { agentEntered, textReceived } from './greetings';
import { CallbackHandler, PassiveReply } from './route';
import { field, XmlNode } from './xml';

export interface CallbackHandlerDeps {
  context: CommandContext;
  corpId: string;
  logger: Logger;
  isHr: (userid: string) => boolean;
  /** Which approval is a resignation request; null ignores approvals. */
  resignationApproval?: ResignationApprovalConfig | null;
}

/** Handlers by callback kind; see callbackRouter. */
export function callbackHandlers(deps: CallbackHandlerDeps): Record<string, CallbackHandler> {
  return {
    'event:template_card_event': (event, manager) => cardClicked(event, manager, deps),
    'event:change_contact': (event, manager) => contactChanged(event, manager, deps),
    'event:sys_approval_change': (event, manager) => approvalChanged(event, manager,
      { ...deps, config: deps.resignationApproval ?? null }),
    'event:enter_agent': (event, manager) => agentEntered(event, manager, deps),
    text: (event, manager) => textReceived(event, manager, deps),
  };
}

/**
 * A milestone card's 标记完成 was pressed. The clicker must be allowed;
 * the reply greys the button out with who completed it (D:96458).
 */
async function cardClicked(event: XmlNode, manager: EntityManager,
  deps: CallbackHandlerDeps): Promise<PassiveReply> {
  const userid = field(event, 'FromUserName');
  const taskId = field(event, 'TaskId');
  const milestone = taskId
    ? await manager.findOneBy(Milestone, { cardTaskId: taskId }) : null;
  if (!milestone) {
    deps.logger.warn({ taskId }, 'card click for an unknown card');
    return;
  }
  const record = (await loadHandover(manager, milestone.handoverId))!;
  const reply = (text: string) => ({
    ToUserName: userid, FromUserName: deps.corpId, MsgType: 'update_button',
    Button: { ReplaceName: text },
  });

  if (milestone.doneAt) {
    return reply(copy.doneBy(record.names.get(milestone.doneBy ?? '') ?? ''));
  }
  if (field(event, 'EventKey') !== 'complete') return;

  const access = new HandoverAccess({ userid, isHr: deps.isHr(userid) }, record,
    policyContext(deps.context));
  if (!access.milestoneActions(milestone).has('complete')) {
    const now = deps.context.clock.now();
    await enqueue(manager, textTo({
      userid, handoverId: record.handover.id,
      dedupeKey: `refused:${field(event, 'ResponseCode') || now}`.slice(0, 191),
      content: record.handover.status === 'active'
        ? copy.notAllowed(milestone.title) : copy.notActive(milestone.title),
    }), new Date(now));
    deps.logger.info({ userid, milestoneId: milestone.id }, 'card click refused');
    return;
  }

  await milestoneCompleter({
    manager, context: deps.context, record, milestoneId: milestone.id,
    actor: userid, via: 'card',
  });
  const names = record.names.get(userid) ?? userid;
  deps.logger.info({ milestoneId: milestone.id, userid }, 'milestone completed by card');
  return reply(copy.doneBy(names));
}
