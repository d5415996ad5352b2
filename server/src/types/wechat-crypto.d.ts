declare module 'wechat-crypto' {
  /** node-webot's WeCom message crypto; see WECOM.md section 2. */
  class WXBizMsgCrypt {
    constructor(token: string, encodingAESKey: string, id: string);
    getSignature(timestamp: string, nonce: string, encrypt: string): string;
    decrypt(text: string): { message: string; id: string };
    encrypt(text: string): string;
  }
  export = WXBizMsgCrypt;
}
