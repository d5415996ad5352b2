import { sendToChat } from '../wecom/appchat';
import { uploadMedia } from '../wecom/media';
import type { Sender } from './senders';

/** WeCom's limits for temporary media (D:96484): files 20 MB, images 10 MB. */
export const WECOM_FILE_LIMIT = 20 * 1024 * 1024;
export const WECOM_IMAGE_LIMIT = 10 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

/** What a `material.share` row carries: enough to send without the database. */
export interface MaterialSharePayload {
  chatid: string;
  materialId: number;
  storageKey: string;
  name: string;
  contentType: string;
  size: number;
}

/**
 * Shares a stored file to a group: uploaded as temporary media (an image
 * as an image, so it shows inline), then sent as a file or image message.
 * A retry uploads again: media ids are cheap and live only three days.
 */
export const materialSenders: Record<string, Sender> = {
  'material.share': async (client, payload, _attempt, deps) => {
    const share = payload as unknown as MaterialSharePayload;
    if (!deps?.files) throw new Error('material.share needs file storage');
    const data = await deps.files.read(share.storageKey, WECOM_FILE_LIMIT);
    const image = IMAGE_TYPES.has(share.contentType) && share.size <= WECOM_IMAGE_LIMIT;
    const msgtype = image ? 'image' : 'file';
    const mediaId = await uploadMedia(client, msgtype,
      { filename: share.name, contentType: share.contentType, data });
    await sendToChat(client, { chatid: share.chatid, msgtype, [msgtype]: { media_id: mediaId } });
    return { msgtype, mediaId };
  },
};
