import { DataSource, EntityManager } from 'typeorm';
import { copy } from '../copy/zh-CN';
import { CommandContext } from '../commands/context';
import { draftCreator } from '../commands/handoverCreator';
import { audit } from '../domain/audit';
import { dateInZone } from '../domain/calendar';
import { handoverUrl, textTo } from '../domain/wecom-messages';
import { AuditEvent, CallbackTask, Employee, HandoverTemplate } from '../entities';
import { ResignationApprovalConfig } from '../env';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { enqueue } from '../outbox/outbox';
import { ApprovalContent, ApprovalDetail, getApprovalDetail } from '../wecom/approval';
import { WecomClient } from '../wecom/client';
import { queueTask, TaskRunner, TaskSkipped } from './tasks';
import { field, XmlNode } from './xml';

/** SpStatus of an approved request (D:96508). */
const APPROVED = 2;

export interface ApprovalDeps {
  context: CommandContext;
  logger: Logger;
  config: ResignationApprovalConfig | null;
}

/**
 * `sys_approval_change`: an approved resignation request (the configured
 * template) is queued as an `approval.resignation` task keyed by SpNo, so
 * a second delivery queues nothing. Its detail is read after the commit.
 */
export async function approvalChanged(event: XmlNode, manager: EntityManager,
  deps: ApprovalDeps): Promise<void> {
  const info = event.ApprovalInfo;
  if (!deps.config || typeof info !== 'object' || Array.isArray(info)) return;
  const spNo = field(info, 'SpNo');
  const templateId = field(info, 'TemplateId');
  if (templateId !== deps.config.templateId) return;
  if (!/^\d{1,32}$/.test(spNo)) {
    deps.logger.warn({ templateId }, 'resignation approval without an SpNo');
    return;
  }
  if (Number(field(info, 'SpStatus')) !== APPROVED) {
    deps.logger.info({ spNo }, 'resignation approval not approved yet');
    return;
  }
  await queueTask(manager, { kind: 'approval.resignation', payload: { spNo },
    dedupeKey: `approval:${spNo}` }, new Date(deps.context.clock.now()));
  deps.logger.info({ spNo }, 'resignation approval queued');
}

/**
 * Takes an approved resignation: reads the detail from WeCom, and in one
 * transaction prepares a draft handover (departing = applicant) as the
 * configured HR, records the SpNo in the audit trail and tells HR. An
 * approval without a usable last day or successor is skipped and HR told.
 */
export function resignationRunner(deps: ApprovalDeps & {
  db: DataSource; client: WecomClient;
}): TaskRunner {
  return async (task: CallbackTask) => {
    const config = deps.config;
    if (!config) throw new TaskSkipped('RESIGNATION_APPROVAL is not set');
    const spNo = String(task.payload.spNo);
    const detail = await getApprovalDetail(deps.client, spNo);
    if (detail.template_id !== config.templateId || detail.sp_status !== APPROVED) {
      throw new TaskSkipped('not an approved resignation');
    }

    const departing = detail.applyer?.userid ?? '';
    const proposal = readProposal(detail, config, deps.context.tzBusiness);
    if (typeof proposal === 'string') {
      await tellIncomplete(deps, config, { departing, spNo, reason: proposal });
      throw new TaskSkipped(proposal);
    }
    try {
      return await deps.db.transaction((manager) =>
        proposeDraft(manager, deps, config, { spNo, departing, ...proposal }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await tellIncomplete(deps, config,
        { departing, spNo, reason: copy.approvalNotMember });
      throw new TaskSkipped(error.message);
    }
  };
}

/** The last day and successor, or why they cannot be read. */
function readProposal(detail: ApprovalDetail, config: ResignationApprovalConfig,
  tz: string): { lastWorkingDay: string; successor: string } | string {
  const contents = detail.apply_data?.contents ?? [];
  const seconds = Number(control(contents, config.lastDayControl)
    ?.value?.date?.s_timestamp);
  const successor = control(contents, config.successorControl)
    ?.value?.members?.[0]?.userid;
  if (!Number.isFinite(seconds) || seconds <= 0) return copy.approvalNoLastDay;
  if (!successor) return copy.approvalNoSuccessor;
  return { lastWorkingDay: dateInZone(seconds * 1000, tz), successor };
}

/** A control by its id, or by the text of its title in any language. */
function control(contents: ApprovalContent[], key: string) {
  return contents.find((c) => c.id === key)
    ?? contents.find((c) => (c.title ?? []).some((t) => t.text === key));
}

async function proposeDraft(manager: EntityManager, deps: ApprovalDeps,
  config: ResignationApprovalConfig, props: {
    spNo: string; departing: string; successor: string; lastWorkingDay: string;
  }): Promise<Record<string, unknown>> {
  const now = new Date(deps.context.clock.now());
  const taken = await manager.findOneBy(AuditEvent,
    { action: 'approval.taken', targetType: 'approval', targetId: props.spNo });
  if (taken) return { handoverId: taken.handoverId, alreadyTaken: true };

  const template = await manager.findOneBy(HandoverTemplate,
    { key: config.handoverTemplate, status: 'active' });
  if (!template) throw new TaskSkipped(`no active template ${config.handoverTemplate}`);
  const handoverId = await draftCreator({
    manager, context: deps.context, actor: config.hrUserid,
    input: { templateId: String(template.id), departingUserid: props.departing,
      successorUserid: props.successor, lastWorkingDay: props.lastWorkingDay },
  });
  await audit(manager, {
    actor: 'wecom', action: 'approval.taken', targetType: 'approval',
    targetId: props.spNo, handoverId,
    details: { spNo: props.spNo, departing: props.departing,
      successor: props.successor, lastWorkingDay: props.lastWorkingDay },
  }, now);

  const names = await manager.findBy(Employee, [
    { userid: props.departing }, { userid: props.successor }]);
  const name = (userid: string) => names.find((e) => e.userid === userid)?.name ?? userid;
  await enqueue(manager, textTo({
    userid: config.hrUserid, handoverId,
    dedupeKey: `approval:${props.spNo}:draft`,
    content: copy.draftFromApproval({ departing: name(props.departing),
      successor: name(props.successor), lastDay: props.lastWorkingDay,
      url: handoverUrl(deps.context.publicUrl, handoverId) }),
  }), now);
  deps.logger.info({ spNo: props.spNo, handoverId }, 'draft made from resignation');
  return { handoverId };
}

async function tellIncomplete(deps: ApprovalDeps & { db: DataSource },
  config: ResignationApprovalConfig,
  props: { departing: string; spNo: string; reason: string }): Promise<void> {
  const employee = await deps.db.getRepository(Employee)
    .findOneBy({ userid: props.departing });
  await enqueue(deps.db.manager, {
    kind: 'message.send', dedupeKey: `approval:${props.spNo}:incomplete`,
    payload: { touser: config.hrUserid, msgtype: 'text', text: {
      content: copy.approvalIncomplete({ ...props,
        departing: employee?.name ?? props.departing }),
    } },
  }, new Date(deps.context.clock.now()));
}
