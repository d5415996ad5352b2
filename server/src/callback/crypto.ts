import crypto from 'node:crypto';
import WXBizMsgCrypt from 'wechat-crypto';

/** The callback could not be trusted or read; `status` is the 4xx to answer. */
export class CallbackRejected extends Error {
  constructor(readonly status: number, readonly reason: string) {
    super(reason);
  }
}

/**
 * WeCom's callback crypto (D:91144) around wechat-crypto, adding what that
 * package leaves to the caller: a constant-time signature check, the check
 * that the message was meant for our corp, and errors instead of throws on
 * malformed ciphertext.
 */
export class CallbackCrypto {
  private readonly cipher: WXBizMsgCrypt;

  constructor(token: string, aesKey: string, private readonly corpId: string) {
    this.cipher = new WXBizMsgCrypt(token, aesKey, corpId);
  }

  /** Throws CallbackRejected(403) unless the signature matches. */
  verify(signature: string, timestamp: string, nonce: string, encrypt: string) {
    const expected = Buffer.from(
      this.cipher.getSignature(timestamp, nonce, encrypt), 'utf8');
    const given = Buffer.from(signature.toLowerCase(), 'utf8');
    if (given.length !== expected.length
      || !crypto.timingSafeEqual(given, expected)) {
      throw new CallbackRejected(403, 'signature does not match');
    }
  }

  /** Decrypts and checks the receive id is our corp id. */
  decrypt(encrypt: string): string {
    let opened: { message: string; id: string };
    try {
      opened = this.cipher.decrypt(encrypt);
    } catch {
      throw new CallbackRejected(400, 'ciphertext cannot be decrypted');
    }
    if (opened.id !== this.corpId) {
      throw new CallbackRejected(400, 'message is for another corp');
    }
    return opened.message;
  }

  /** Encrypts and signs a passive reply as WeCom expects it back. */
  sealReply(plainXml: string, timestamp: string, nonce: string): string {
    const encrypt = this.cipher.encrypt(plainXml);
    const signature = this.cipher.getSignature(timestamp, nonce, encrypt);
    return '<xml>'
      + `<Encrypt><![CDATA[${encrypt}]]></Encrypt>`
      + `<MsgSignature><![CDATA[${signature}]]></MsgSignature>`
      + `<TimeStamp>${timestamp}</TimeStamp>`
      + `<Nonce><![CDATA[${nonce}]]></Nonce>`
      + '</xml>';
  }
}
