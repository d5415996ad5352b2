import { Router } from '@koa/router';
import { Brackets, In } from 'typeorm';
import { DirectoryQuery, type DirectoryResponse } from '@baton/shared';
import { Department, Employee, Handover, HandoverParticipant } from '../entities';
import { forbidden } from '../errors';
import { actorOf, requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { RouteDeps } from './context';

/**
 * `GET /api/directory?q=&limit=`: HR finds people to name in a handover,
 * and a departing executive still handing over names the members of their
 * team. Matches name, userid, position or main department name, anywhere
 * in the text and ignoring case; members still with the company come
 * first. Answers with name, position and department only: the directory
 * search is no way to read anything more about a person.
 */
export function directoryRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/directory' });
  router.use(requireAuth(deps), jsonBody);

  router.get('/', async (ctx) => {
    const actor = actorOf(ctx);
    if (!actor.isHr && !(await isHandingOver(deps, actor.userid))) {
      throw forbidden('只有人事和正在交接的离任者可以查找通讯录');
    }
    const query = parseInput(DirectoryQuery, ctx.query);

    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    const departments = await deps.db.getRepository(Department).createQueryBuilder('d')
      .select(['d.id']).where("LOWER(d.name) LIKE :pattern ESCAPE '!'", { pattern })
      .getMany();
    const people = await deps.db.getRepository(Employee).createQueryBuilder('e')
      .where(new Brackets((match) => {
        match.where("LOWER(e.name) LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("LOWER(e.userid) LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("LOWER(e.position) LIKE :pattern ESCAPE '!'", { pattern });
        if (departments.length > 0) {
          match.orWhere('e.mainDepartment IN (:...departmentIds)',
            { departmentIds: departments.map((d) => d.id) });
        }
      }))
      // Still here first; then whoever the text names exactly, then by name.
      .addSelect('CASE WHEN e.departed_at IS NULL THEN 0 ELSE 1 END', 'gone')
      .addSelect('CASE WHEN LOWER(e.name) = :q OR LOWER(e.userid) = :q THEN 0 ELSE 1 END',
        'exact')
      .setParameter('q', query.q.toLowerCase())
      .orderBy('gone', 'ASC').addOrderBy('exact', 'ASC')
      .addOrderBy('e.name', 'ASC').addOrderBy('e.userid', 'ASC')
      .limit(query.limit)
      .getMany();

    const names = await departmentNames(deps, people);
    const body: DirectoryResponse = {
      items: people.map((p) => ({
        userid: p.userid, name: p.name, position: p.position,
        department: p.mainDepartment === null ? null : names.get(p.mainDepartment) ?? null,
      })),
    };
    ctx.body = body;
  });

  return router;
}

/**
 * Whether the member writes a handover that is still open: its departing
 * executive or its own HR, while it is a draft or running. They fill in
 * team-member items, which name colleagues.
 */
async function isHandingOver(deps: RouteDeps, userid: string): Promise<boolean> {
  const writing = await deps.db.getRepository(HandoverParticipant).createQueryBuilder('p')
    .innerJoin(Handover, 'h', 'h.id = p.handover_id')
    .where('p.userid = :userid', { userid })
    .andWhere('p.role IN (:...roles)', { roles: ['departing', 'hr'] })
    .andWhere('h.status IN (:...statuses)', { statuses: ['draft', 'active'] })
    .getCount();
  return writing > 0;
}

/** `%`, `_` and the escape itself match literally (escape character `!`). */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (ch) => `!${ch}`);
}

async function departmentNames(deps: RouteDeps,
  people: Employee[]): Promise<Map<number, string>> {
  const ids = [...new Set(people.flatMap((p) => (p.mainDepartment === null
    ? [] : [p.mainDepartment])))];
  const rows = ids.length
    ? await deps.db.getRepository(Department).findBy({ id: In(ids) }) : [];
  return new Map(rows.map((d) => [d.id, d.name]));
}
