import crypto from 'node:crypto';

/**
 * WeCom's callback crypto written from the specification (D:91144) on
 * node:crypto alone, so tests check the server against something other
 * than the package it uses.
 */
export class IndependentWecomCrypto {
  private readonly key: Buffer;

  constructor(private readonly token: string, encodingAesKey: string,
    private readonly corpId: string) {
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
  }

  /** sha1 of the sorted, concatenated token, timestamp, nonce and text. */
  sign(timestamp: string, nonce: string, text: string): string {
    const joined = [this.token, timestamp, nonce, text].sort().join('');
    return crypto.createHash('sha1').update(joined).digest('hex');
  }

  /** random(16) | length (BE) | message | receive id, PKCS#7 to 32, AES-256-CBC. */
  encrypt(message: string, receiveId = this.corpId): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = Buffer.concat([crypto.randomBytes(16), length, body,
      Buffer.from(receiveId)]);
    const pad = 32 - (plain.length % 32);
    const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
    const cipher = crypto.createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
  }

  /** The reverse of encrypt: message and receive id. */
  decrypt(base64: string): { message: string; receiveId: string } {
    const decipher = crypto.createDecipheriv('aes-256-cbc', this.key,
      this.key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(base64, 'base64'), decipher.final()]);
    const pad = padded[padded.length - 1];
    if (pad < 1 || pad > 32) throw new Error('bad padding');
    const plain = padded.subarray(0, padded.length - pad);
    const length = plain.readUInt32BE(16);
    return {
      message: plain.subarray(20, 20 + length).toString('utf8'),
      receiveId: plain.subarray(20 + length).toString('utf8'),
    };
  }

  /** An encrypted POST body and its query, as WeCom would send them. */
  envelope(plainXml: string, timestamp: string, options: { receiveId?: string } = {}) {
    const nonce = String(crypto.randomInt(1e9));
    const encrypt = this.encrypt(plainXml, options.receiveId);
    const query = new URLSearchParams({
      msg_signature: this.sign(timestamp, nonce, encrypt), timestamp, nonce,
    });
    const body = `<xml><ToUserName><![CDATA[${this.corpId}]]></ToUserName>`
      + `<Encrypt><![CDATA[${encrypt}]]></Encrypt>`
      + '<AgentID><![CDATA[1000002]]></AgentID></xml>';
    return { query: query.toString(), body, nonce, encrypt };
  }
}

/** A value of `<Name>` in simple WeCom XML (CDATA or plain). */
export function xmlValue(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`)
    .exec(xml);
  return match ? (match[1] ?? match[2]) : null;
}
