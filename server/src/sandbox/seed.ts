import { customerLister } from '../commands/customerLister';
import { customerTransferrer } from '../commands/customerTransferrer';
import { handoverCreator } from '../commands/handoverCreator';
import { handoverStarter } from '../commands/handoverStarter';
import { dateInZone } from '../domain/calendar';
import { loadHandover } from '../domain/handover-record';
import { CustomerTransfer, Handover, HandoverTemplate } from '../entities';
import { Services } from '../services';

/** The demo customer who refuses to be taken over (李明, 东方精密). */
const REFUSING_CUSTOMER = 'wmDemoDongfangJingmi02';
/** WeCom's transfer_result status for "the customer refused". */
const REFUSED = 3;

/**
 * The sandbox's first story: HR 王芳 prepares 张伟's handover to 李娜 from
 * the 销售总监 template, with 刘洋 as manager and a last working day three
 * weeks out, starts it, and transfers all of 张伟's WeCom customers to 李娜
 * (one of them will refuse, so a day later there is a result of each
 * kind). Runs only on an empty database, so a restart does not start a
 * second one.
 */
export async function seedDemoHandover(services: Services): Promise<void> {
  const { db, commands } = services;
  if (await db.getRepository(Handover).exists()) return;
  const template = await db.getRepository(HandoverTemplate)
    .findOneByOrFail({ key: 'sales_director' });
  const today = dateInZone(services.clock.now(), services.env.tzBusiness);
  const handover = await handoverCreator({
    db, context: commands, actor: 'wangfang',
    input: {
      templateId: String(template.id),
      departingUserid: 'zhangwei', successorUserid: 'lina', managerUserid: 'liuyang',
      lastWorkingDay: commands.calendar.addBusinessDays(today, 15),
    },
  });
  await handoverStarter({ db, context: commands, actor: 'wangfang', handoverId: handover.id });
  services.logger.info({ handoverId: handover.id }, 'demo handover started');

  // The demo goes on without its customer story rather than not start.
  await seedDemoCustomerTransfer(services, handover.id).catch((err: unknown) =>
    services.logger.error({ err }, 'demo customer transfer not seeded'));
}

/**
 * As 王芳: lists the departing executive's customers and queues their
 * on-the-job transfer to the successor, with the emulator told that one
 * customer refuses. The outbox sends the transfer; the poller reads how
 * it went.
 */
async function seedDemoCustomerTransfer(services: Services,
  handoverId: number): Promise<void> {
  const { db, commands } = services;
  // Before the transfer is sent, so WeCom settles it as refused.
  services.emulator?.setTransferOutcome(REFUSING_CUSTOMER, REFUSED);

  const handover = await db.getRepository(Handover).findOneByOrFail({ id: handoverId });
  await customerLister({ db, client: services.wecom, context: commands,
    handover, actor: 'wangfang' });

  const result = await db.transaction(async (manager) => {
    const record = await loadHandover(manager, handoverId);
    if (!record) throw new Error(`demo handover ${handoverId} is gone`);
    const listed = await manager.findBy(CustomerTransfer, { handoverId });
    return customerTransferrer({ manager, context: commands, record,
      actor: 'wangfang', externalUserids: listed.map((r) => r.externalUserid) });
  });
  services.logger.info({ handoverId, customers: result.requested },
    'demo customer transfer requested');
}
