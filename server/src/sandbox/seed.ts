import { handoverCreator } from '../commands/handoverCreator';
import { handoverStarter } from '../commands/handoverStarter';
import { dateInZone } from '../domain/calendar';
import { Handover, HandoverTemplate } from '../entities';
import { Services } from '../services';

/**
 * The sandbox's first story: HR 王芳 prepares 张伟's handover to 李娜 from
 * the 销售总监 template, with 刘洋 as manager and a last working day three
 * weeks out, and starts it. Runs only on an empty database, so a restart
 * does not start a second one.
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
}
