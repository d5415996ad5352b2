import { makeEmulator } from './test-support';

const POSTS = [
  'message/send', 'message/update_template_card', 'appchat/create',
  'appchat/update', 'appchat/send',
];
const GETS = [
  'user/get', 'user/list', 'department/list', 'appchat/get', 'media/get',
  'auth/getuserinfo', 'ticket/get', 'externalcontact/list',
  'externalcontact/get',
];
const JUNK: unknown[] = [
  {}, [], { msgtype: 'template_card', agentid: 1000002, touser: 'lina',
    template_card: { card_type: 'button_interaction', button_list: 'x' } },
  { agentid: '1000002', msgtype: 'text', touser: ['lina'], text: 'hi' },
  { userlist: [{}, null, 3], name: 5, chatid: {} },
  { chatid: ['a'], add_user_list: 'lina', owner: 7 },
  { agentid: 1000002, response_code: 42, button: [] },
  { agentid: 1000002, msgtype: 'news', touser: 'lina', news: { articles: [null] } },
];

describe('the /cgi-bin dispatcher', () => {
  it('answers junk bodies with a WeCom errcode, never a 500', async () => {
    const { http, token } = makeEmulator();
    const accessToken = await token();
    for (const endpoint of POSTS) {
      for (const body of JUNK) {
        const res = await http.post(`/cgi-bin/${endpoint}`)
          .query({ access_token: accessToken }).send(body as object);
        expect(res.status).toBe(200);
        expect(res.body.errcode).toEqual(expect.any(Number));
        expect(res.body.errcode).not.toBe(0);
      }
    }
  });

  it('answers junk queries with a WeCom errcode, never a 500', async () => {
    const { http, token } = makeEmulator();
    const accessToken = await token();
    for (const endpoint of GETS) {
      const res = await http.get(`/cgi-bin/${endpoint}`)
        .query(`access_token=${accessToken}&userid=a&userid=b&id=x&chatid=%00`);
      expect(res.status).toBe(200);
      expect(res.body.errcode).toEqual(expect.any(Number));
    }
  });

  it('answers 404 for an unknown path', async () => {
    const { http } = makeEmulator();
    expect((await http.get('/cgi-bin/no/such/api')).status).toBe(404);
  });
});
