import type { CustomerTransferMode } from '@baton/shared';
import { EntityManager } from 'typeorm';
import { dateInZone } from '../domain/calendar';
import { Employee, Handover } from '../entities';
import { CommandContext } from './context';

/**
 * How a handover's customers move now: on the job (在职继承) up to and
 * including the last working day in the business zone, as resigned
 * (离职继承) once it has passed or the directory shows the executive left.
 */
export async function customerTransferMode(manager: EntityManager,
  context: CommandContext, handover: Handover): Promise<CustomerTransferMode> {
  const today = dateInZone(context.clock.now(), context.tzBusiness);
  if (today > handover.lastWorkingDay) return 'resigned';
  const departing = await manager.findOneBy(Employee,
    { userid: handover.departingUserid });
  return departing?.departedAt ? 'resigned' : 'on_job';
}
