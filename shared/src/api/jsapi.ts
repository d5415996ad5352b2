import { z } from 'zod';

/** What `ww.register`'s signature callbacks return (D:96947). */
export const JsapiSignature = z.object({
  timestamp: z.number(),
  nonceStr: z.string(),
  signature: z.string(),
});
export type JsapiSignature = z.infer<typeof JsapiSignature>;

/**
 * `GET /api/wecom/jsapi-config?url=`: what the H5 needs to register the
 * WeCom JS-SDK for the page at `url`: the corp signature for `config` and
 * the app signature for `agentConfig` (which chooseMessageFile needs).
 */
export const JsapiConfigResponse = z.object({
  corpId: z.string(),
  agentId: z.string(),
  corp: JsapiSignature,
  agent: JsapiSignature,
});
export type JsapiConfigResponse = z.infer<typeof JsapiConfigResponse>;
