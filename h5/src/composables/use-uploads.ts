import { computed, onScopeDispose, reactive } from 'vue';
import type { MaterialView } from '@baton/shared';
import { ApiError, errorMessage } from '@/api/errors';
import { t } from '@/locale';
import { toastSuccess } from '@/utils/toast';
import { forgetUpload } from './use-upload-resume';

/** Where one file is in the queue. */
export type UploadState = 'queued' | 'uploading' | 'paused' | 'failed' | 'done';

/** One file in the queue, as the list shows it. */
export interface UploadRow {
  key: number;
  name: string;
  size: number;
  state: UploadState;
  /** 0 to 100. */
  progress: number;
  /** Why it failed, ready to show. */
  error: string | null;
  /** Whether trying again could help (not when the server refused it). */
  retryable: boolean;
}

/** Where uploads go and who hears when one completes. */
export interface UseUploadsOptions {
  handoverId: () => string;
  itemId: () => string | undefined;
  onDone: (material: MaterialView) => void;
}

/** Files sent at the same time; more would only share the bandwidth. */
const PARALLEL = 2;
/** How long 已上传 shows before the row gives way to the material. */
const DONE_ROW_MS = 2_000;

/** Types by extension, for files the browser or WeCom gives no type. */
const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip', txt: 'text/plain', csv: 'text/csv',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  webp: 'image/webp', heic: 'image/heic',
};

/** The file's MIME type, guessed from its name when it came with none. */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

interface Job {
  row: UploadRow;
  file: File;
  controller: AbortController | null;
}

/**
 * An upload queue for one handover (or one of its items): files wait
 * their turn, two at a time, each with its progress and state, and can be
 * cancelled; a failed one can be retried. Everything still running stops
 * when the calling component goes away (the server keeps what arrived,
 * and picking the same file again continues it).
 */
export function useUploads(options: UseUploadsOptions) {
  const rows = reactive<UploadRow[]>([]);
  const jobs = new Map<number, Job>();
  let nextKey = 1;

  const busy = computed(() => rows.some((r) => r.state === 'queued'
    || r.state === 'uploading' || r.state === 'paused'));

  /** Queues files; they start as soon as a slot is free. */
  function add(files: Iterable<File>): void {
    for (const file of files) {
      const key = nextKey++;
      rows.push({ key, name: file.name, size: file.size, state: 'queued',
        progress: 0, error: null, retryable: false });
      jobs.set(key, { row: rows[rows.length - 1], file, controller: null });
    }
    pump();
  }

  function pump(): void {
    const running = [...jobs.values()].filter((j) => j.controller).length;
    const waiting = [...jobs.values()].filter((j) => j.row.state === 'queued');
    for (const job of waiting.slice(0, Math.max(0, PARALLEL - running))) {
      void start(job);
    }
  }

  async function start(job: Job): Promise<void> {
    const controller = new AbortController();
    job.controller = controller;
    const { row, file } = job;
    row.state = 'uploading';
    row.error = null;

    try {
      const { runUpload } = await import('./use-upload-task');
      const material = await runUpload({
        handoverId: options.handoverId(), itemId: options.itemId(), file,
        contentType: contentTypeOf(file), signal: controller.signal,
        onProgress: (bytes) => {
          row.progress = Math.min(100, Math.floor((bytes / file.size) * 100));
        },
        onState: (state) => {
          row.state = state;
        },
        onResumed: () => toastSuccess(t.materials.resumed(file.name)),
      });
      row.state = 'done';
      row.progress = 100;
      options.onDone(material);
      window.setTimeout(() => remove(row.key), DONE_ROW_MS);
    } catch (failure) {
      if (controller.signal.aborted) return;
      row.state = 'failed';
      row.error = failure instanceof ApiError && failure.field === 'sha256'
        ? t.materials.checksumFailed : errorMessage(failure);
      // A refusal (too big, type not accepted) stays one; a checksum
      // mismatch or an error the tries ran out on may not.
      row.retryable = !(failure instanceof ApiError)
        || failure.field === 'sha256' || failure.status === 0
        || failure.status >= 500;
      // The file changed while it was read: start it afresh next time.
      if (failure instanceof ApiError && failure.field === 'sha256') {
        forgetUpload(resumeKeyOf(file));
      }
    } finally {
      job.controller = null;
      if (rows.includes(row)) pump();
    }
  }

  function resumeKeyOf(file: File) {
    return { handoverId: options.handoverId(), itemId: options.itemId(), file };
  }

  /** Stops a file and drops it from the list; it will start afresh. */
  function cancel(key: number): void {
    const job = jobs.get(key);
    if (!job) return;
    job.controller?.abort();
    forgetUpload(resumeKeyOf(job.file));
    remove(key);
  }

  /** Queues a failed file again. */
  function retry(key: number): void {
    const job = jobs.get(key);
    if (!job || job.row.state !== 'failed' || !job.row.retryable) return;
    job.row.state = 'queued';
    job.row.progress = 0;
    pump();
  }

  /** Drops a finished or failed row from the list. */
  function remove(key: number): void {
    jobs.delete(key);
    const index = rows.findIndex((r) => r.key === key);
    if (index >= 0) rows.splice(index, 1);
    pump();
  }

  /** Stops everything still running; what arrived stays resumable. */
  function stopAll(): void {
    for (const job of jobs.values()) job.controller?.abort();
    jobs.clear();
    rows.splice(0, rows.length);
  }

  onScopeDispose(stopAll);

  return { rows, busy, add, cancel, retry, remove, stopAll };
}
