import { WecomClient } from './client';

/**
 * WeCom's OAuth authorize URL for the H5 (D:91022). `state` must be
 * `[a-zA-Z0-9]`, at most 128 bytes.
 */
export function authorizeUrl(props: {
  oauthBase: string; corpId: string; agentId: string;
  redirectUri: string; state: string;
}): string {
  const query = new URLSearchParams({
    appid: props.corpId,
    redirect_uri: props.redirectUri,
    response_type: 'code',
    scope: 'snsapi_base',
    state: props.state,
    agentid: props.agentId,
  });
  return `${props.oauthBase}/connect/oauth2/authorize?${query}#wechat_redirect`;
}

/**
 * `auth/getuserinfo`: who the code belongs to. A member gets `userid`, a
 * non-member only `openid`. Codes are single use and live 5 min (40029).
 */
export async function getUserInfo(client: WecomClient, code: string) {
  return client.get<{ userid?: string; openid?: string }>(
    'auth/getuserinfo', { code });
}
