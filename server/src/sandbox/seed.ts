import { handoverStarter } from '../commands/handoverStarter';
import { addBusinessDays, dateInZone } from '../domain/calendar';
import { Handover } from '../entities';
import { Services } from '../services';

/**
 * The sandbox's first story: HR 王芳 starts 张伟's handover to 李娜, with
 * 刘洋 as manager and a last working day three weeks out. Runs only on an
 * empty database, so a restart does not start a second one.
 */
export async function seedDemoHandover(services: Services): Promise<void> {
  if (await services.db.getRepository(Handover).exists()) return;
  const today = dateInZone(services.clock.now(), services.env.tzBusiness);
  await handoverStarter({
    db: services.db, context: services.commands, actor: 'wangfang',
    input: {
      departingUserid: 'zhangwei', successorUserid: 'lina',
      managerUserid: 'liuyang', lastWorkingDay: addBusinessDays(today, 15),
    },
  });
  services.logger.info('demo handover started');
}
