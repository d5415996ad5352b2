import { DEMO_COMPANY, DEMO_ROLES } from '../demo-company';
import { makeEmulator } from './test-support';

describe('the demo company', () => {
  it('has unique userids whose leaders and departments exist', () => {
    const ids = DEMO_COMPANY.people.map((p) => p.userid);
    expect(new Set(ids).size).toBe(ids.length);
    for (const person of DEMO_COMPANY.people) {
      for (const leader of person.direct_leader) expect(ids).toContain(leader);
      for (const dept of person.department) {
        expect(DEMO_COMPANY.departments.map((d) => d.id)).toContain(dept);
      }
    }
    for (const userid of Object.values(DEMO_ROLES)) expect(ids).toContain(userid);
  });
});

describe('user and department endpoints', () => {
  it('answers user/get for a member and 60111 for a stranger', async () => {
    const { get } = makeEmulator();
    expect(await get('user/get', { userid: 'zhangwei' })).toMatchObject({
      errcode: 0, userid: 'zhangwei', name: '张伟', position: '销售总监',
      department: [3], direct_leader: ['liuyang'], status: 1,
    });
    expect((await get('user/get', { userid: 'ghost' })).errcode).toBe(60111);
  });

  it('lists the members of one department', async () => {
    const { get } = makeEmulator();
    const res = await get('user/list', { department_id: '3' });
    const ids = (res.userlist as { userid: string }[]).map((u) => u.userid);
    expect(ids.sort()).toEqual(['lina', 'zhangwei']);
    expect((await get('user/list', { department_id: '99' })).errcode).toBe(60123);
  });

  it('lists departments with the root first', async () => {
    const { get } = makeEmulator();
    const res = await get('department/list');
    const departments = res.department as { id: number; name: string }[];
    expect(departments[0]).toMatchObject({ id: 1, name: '示例制造有限公司' });
    expect(departments.map((d) => d.name)).toEqual(expect.arrayContaining([
      '销售部', '人力资源部', '财务部', '生产部', '总经办',
    ]));
  });
});

describe('external contacts', () => {
  it("lists zhangwei's customers and reads one", async () => {
    const { get } = makeEmulator();
    const list = await get('externalcontact/list', { userid: 'zhangwei' });
    const ids = list.external_userid as string[];
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids.every((id) => id.startsWith('wmDemo'))).toBe(true);

    const one = await get('externalcontact/get', { external_userid: ids[0] });
    expect(one).toMatchObject({
      errcode: 0, external_contact: { external_userid: ids[0] },
      follow_user: [{ userid: 'zhangwei' }],
    });
  });

  it('answers 84061 for a member without customers and 40096 for an unknown id', async () => {
    const { get } = makeEmulator();
    expect((await get('externalcontact/list', { userid: 'chenjing' })).errcode)
      .toBe(84061);
    expect((await get('externalcontact/get', { external_userid: 'wmNo' })).errcode)
      .toBe(40096);
  });
});

describe('jsapi tickets', () => {
  it('answers both tickets for 7200 s and reuses them while valid', async () => {
    const { get, clock } = makeEmulator();
    const corp = await get('get_jsapi_ticket');
    const agent = await get('ticket/get', { type: 'agent_config' });
    expect(corp).toMatchObject({ errcode: 0, expires_in: 7200 });
    expect(agent).toMatchObject({ errcode: 0, expires_in: 7200 });
    expect(agent.ticket).not.toBe(corp.ticket);
    expect((await get('get_jsapi_ticket')).ticket).toBe(corp.ticket);

    clock.advance(7200 * 1000);
    expect((await get('get_jsapi_ticket')).ticket).not.toBe(corp.ticket);
  });

  it('refuses ticket/get without type=agent_config', async () => {
    const { get } = makeEmulator();
    expect((await get('ticket/get')).errcode).toBe(40058);
  });
});
