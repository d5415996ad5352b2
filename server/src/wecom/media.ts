import { UploadFile, WecomClient } from './client';

export type MediaType = 'image' | 'voice' | 'video' | 'file';

/** `media/upload`: a temporary media id, valid three days. */
export async function uploadMedia(client: WecomClient, type: MediaType,
  file: UploadFile) {
  const body = await client.upload<{ media_id: string; created_at: string }>(
    'media/upload', { type }, file);
  return body.media_id;
}

/** `media/get`: the bytes of a temporary media id. */
export async function getMedia(client: WecomClient, mediaId: string) {
  return client.download('media/get', { media_id: mediaId });
}
