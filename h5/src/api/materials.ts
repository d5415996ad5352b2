import type { MaterialListResponse, MaterialView } from '@baton/shared';
import { t } from '@/locale';
import { ApiError } from './errors';
import {
  lazySchema, redirectToLogin, request, requestNoContent,
} from './http';

/**
 * Lazy, like the handover page's own schemas: the materials section sits
 * on that page, which should not carry zod in its bundle.
 */
const shared = () => import('@baton/shared');
const ListSchema = lazySchema(() => shared()
  .then((s) => s.MaterialListResponse));
const MaterialSchema = lazySchema(() => shared().then((s) => s.MaterialView));

/** What announcing an upload sends (`POST .../materials`). */
export interface NewMaterial {
  name: string;
  size: number;
  contentType: string;
  itemId?: string;
}

function materialsPath(handoverId: string): string {
  return `/api/handovers/${encodeURIComponent(handoverId)}/materials`;
}

function materialPath(handoverId: string, materialId: string): string {
  return `${materialsPath(handoverId)}/${encodeURIComponent(materialId)}`;
}

/**
 * `GET .../materials[?itemId=]`: the complete materials of a handover, or
 * of one of its items, oldest first.
 */
export function fetchMaterials(handoverId: string, itemId?: string,
  signal?: AbortSignal): Promise<MaterialListResponse> {
  return request(materialsPath(handoverId), ListSchema,
    { query: { itemId }, signal });
}

/**
 * `GET .../materials/:mid`: one material; for my unfinished upload it says
 * which chunks the server already has. 404 once it is gone or not mine.
 */
export function fetchMaterial(handoverId: string, materialId: string,
  signal?: AbortSignal): Promise<MaterialView> {
  return request(materialPath(handoverId, materialId), MaterialSchema,
    { signal });
}

/**
 * `POST .../materials`: announces an upload. The server picks the chunk
 * size; a 400 names what it refuses (`size` too big, `contentType`).
 */
export function createMaterial(handoverId: string, file: NewMaterial,
  signal?: AbortSignal): Promise<MaterialView> {
  return request(materialsPath(handoverId), MaterialSchema,
    { method: 'POST', body: file, signal });
}

/** `POST .../materials/:mid/complete` with the whole file's hex SHA-256. */
export function completeMaterial(handoverId: string, materialId: string,
  sha256: string, signal?: AbortSignal): Promise<MaterialView> {
  return request(`${materialPath(handoverId, materialId)}/complete`,
    MaterialSchema, { method: 'POST', body: { sha256 }, signal });
}

/**
 * `POST .../materials/:mid/share`: posts a complete file to the handover's
 * group chat (the server sends it as a file, image or link card).
 */
export function shareMaterial(handoverId: string,
  materialId: string): Promise<void> {
  return requestNoContent(`${materialPath(handoverId, materialId)}/share`,
    { method: 'POST' });
}

/** Where a complete material's bytes are served (Range supported). */
export function materialContentUrl(handoverId: string,
  materialId: string): string {
  return `${materialPath(handoverId, materialId)}/content`;
}

/** One chunk to send. */
export interface ChunkUpload {
  handoverId: string;
  materialId: string;
  index: number;
  data: Uint8Array<ArrayBuffer>;
  /** The chunk's hex SHA-256, checked by the server. */
  sha256: string;
  signal?: AbortSignal;
  /** Bytes of this chunk sent so far. */
  onProgress?: (sent: number) => void;
}

/**
 * `PUT .../materials/:mid/chunks/:index`: sends one chunk as raw bytes.
 * XMLHttpRequest rather than fetch, because only it reports upload
 * progress, which on a slow network is all a person has to go on.
 * Throws ApiError (`network_error` with status 0 when the connection
 * dropped) or an AbortError DOMException when `signal` aborted it.
 */
export function sendChunk(chunk: ChunkUpload): Promise<MaterialView> {
  const path = `${materialPath(chunk.handoverId, chunk.materialId)}`
    + `/chunks/${chunk.index}`;
  return new Promise<MaterialView>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => chunk.signal?.removeEventListener('abort', abort);
    if (chunk.signal?.aborted) {
      reject(new DOMException('aborted', 'AbortError'));
      return;
    }
    chunk.signal?.addEventListener('abort', abort);

    xhr.open('PUT', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-Chunk-Sha256', chunk.sha256);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => chunk.onProgress?.(event.loaded);
    xhr.onabort = () => {
      done();
      reject(new DOMException('aborted', 'AbortError'));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError('network_error', t.errors.network, 0));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      done();
      chunkAnswer(xhr).then(resolve, reject);
    };
    xhr.send(chunk.data);
  });
}

/** The server's answer to a chunk: the material, or why it refused. */
async function chunkAnswer(xhr: XMLHttpRequest): Promise<MaterialView> {
  if (xhr.status === 401) return redirectToLogin();
  let body: unknown;
  try {
    body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
  } catch {
    body = undefined;
  }
  const schemas = await shared().catch(() => {
    throw new ApiError('network_error', t.errors.network, 0);
  });

  if (xhr.status < 200 || xhr.status >= 300) {
    const refusal = schemas.ApiErrorBody.safeParse(body);
    if (!refusal.success) {
      throw new ApiError('http_error', t.errors.byStatus(xhr.status), xhr.status);
    }
    const { id, message, field } = refusal.data.error;
    throw new ApiError(id, message, xhr.status, field);
  }
  const parsed = schemas.MaterialView.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('bad_response', t.errors.badResponse, xhr.status);
  }
  return parsed.data;
}
