import crypto from 'node:crypto';
import { Router } from '@koa/router';
import type { Context } from 'koa';
import { CompleteMaterialRequest, CreateMaterialRequest } from '@baton/shared';
import {
  CHUNK_SHA_HEADER, materialChunkReceiver,
} from '../commands/materialChunkReceiver';
import { materialCompleter } from '../commands/materialCompleter';
import {
  chunkLength, contentDisposition, parseRange, pickChunkSize, typeAllowed,
} from '../domain/materials';
import { conflict, forbidden, notFound, validationError } from '../errors';
import { Material } from '../entities';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { HandoverAccess } from '../policies/access';
import { presentMaterial } from '../presenters/material';
import { Storage } from '../storage/storage';
import { changeHandover, loadAccess, parseId } from './access';
import { materialSharer } from '../commands/materialSharer';
import { RouteDeps } from './context';

/**
 * `/api/handovers/:id/materials`: files for the handover, uploaded in
 * chunks that are streamed to storage (never buffered whole), resumable,
 * and checked by SHA-256 chunk by chunk and as a whole. Others see a
 * material only once complete; until then only its uploader does.
 */
export function materialRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers/:id/materials' });
  const { storage } = deps;
  router.use(requireAuth(deps), jsonBody);

  router.get('/', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const itemId = ctx.query.itemId === undefined ? undefined : parseId(ctx.query.itemId);
    if (itemId === null) throw validationError('itemId is not an item id', 'itemId');
    access.require('readMaterials');

    const materials = await deps.db.getRepository(Material).find({
      where: { handoverId: access.record.handover.id, status: 'complete',
        ...(itemId === undefined ? {} : { itemId }) },
      order: { id: 'ASC' },
    });

    ctx.body = { items: materials.map((m) => presentMaterial(access, m)) };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(CreateMaterialRequest, ctx.request.body);
    const { result, access } = await changeHandover(deps, ctx, (access, manager) => {
      access.require('uploadMaterial', '只有离任者或人事可以上传材料');
      const chunkSize = checkUpload(deps, access, input);
      return manager.save(newMaterial(deps, access, input, chunkSize));
    });
    ctx.status = 201;
    ctx.body = presentMaterial(access, result);
  });

  router.get('/:mid', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const material = await visibleMaterial(deps, access, ctx.params.mid);
    ctx.body = presentMaterial(access, material);
  });

  router.post('/:mid/share', async (ctx) => {
    const { result, access } = await changeHandover(deps, ctx, async (access, manager) => {
      const material = await visibleMaterial(deps, access, ctx.params.mid);
      access.require('shareMaterial', '只有交接参与人可以把文件分享到群里');
      return materialSharer({ manager, context: deps.commands, record: access.record,
        material, actor: access.actor.userid });
    });
    ctx.status = 202;
    ctx.body = { sharedAs: result.as, handoverId: String(access.record.handover.id) };
  });

  router.put('/:mid/chunks/:index', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const material = await uploadable(deps, access, ctx.params.mid);
    const { index, length, sha256 } = chunkRequest(ctx, material);

    const updated = await materialChunkReceiver({ db: deps.db, storage, material,
      index, length, sha256, source: ctx.req });

    ctx.body = presentMaterial(access, updated);
  });

  router.post('/:mid/complete', async (ctx) => {
    const input = parseInput(CompleteMaterialRequest, ctx.request.body);
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const material = await uploadable(deps, access, ctx.params.mid, true);

    const completed = await materialCompleter({ db: deps.db, storage,
      context: deps.commands, logger: deps.logger, material,
      actor: access.actor.userid, sha256: input.sha256 });

    ctx.body = presentMaterial(access, completed);
  });

  router.get('/:mid/content', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const material = await visibleMaterial(deps, access, ctx.params.mid);
    if (material.status !== 'complete') throw notFound('material');
    access.require('readMaterials');

    sendContent(ctx, material, storage);
  });

  return router;
}

/** An upload announced by the caller, under a key Baton generates. */
function newMaterial(deps: RouteDeps, access: HandoverAccess,
  input: CreateMaterialRequest, chunkSize: number): Material {
  const handoverId = access.record.handover.id;
  return deps.db.manager.create(Material, {
    handoverId,
    itemId: input.itemId === undefined ? null : Number(input.itemId),
    uploader: access.actor.userid, name: input.name,
    contentType: input.contentType, size: input.size, sha256: null,
    storageKey: `h${handoverId}/${crypto.randomBytes(16).toString('hex')}`,
    status: 'uploading', chunkSize, receivedChunks: {},
    createdAt: new Date(deps.clock.now()), completedAt: null,
  });
}

/**
 * Checks an announced upload against the configuration and the record;
 * returns the chunk size to use, or a 400 naming the field.
 */
function checkUpload(deps: RouteDeps, access: HandoverAccess,
  input: CreateMaterialRequest): number {
  const { uploadMaxBytes, uploadTypes } = deps.env;
  if (input.size > uploadMaxBytes) {
    throw validationError(`size: at most ${uploadMaxBytes} bytes`, 'size');
  }
  if (!typeAllowed(input.contentType, uploadTypes)) {
    throw validationError(`contentType: ${input.contentType} is not accepted`,
      'contentType');
  }
  if (input.itemId !== undefined
    && !access.record.items.some((i) => String(i.id) === input.itemId)) {
    throw validationError('itemId: no such item in this handover', 'itemId');
  }
  const chunkSize = pickChunkSize(input.size, input.chunkSize);
  if (chunkSize === null) {
    throw validationError('chunkSize: too small for a file this size', 'chunkSize');
  }
  return chunkSize;
}

/**
 * The material named in the URL as this caller may see it: complete ones
 * to every reader, unfinished ones to their uploader only; else 404.
 */
async function visibleMaterial(deps: RouteDeps, access: HandoverAccess,
  raw: string | undefined): Promise<Material> {
  const id = parseId(raw);
  const material = id === null ? null : await deps.db.getRepository(Material)
    .findOneBy({ id, handoverId: access.record.handover.id });
  const visible = material && (material.status === 'complete'
    ? access.actions.has('readMaterials')
    : material.uploader === access.actor.userid);
  if (!material || !visible) throw notFound('material');
  return material;
}

/**
 * The caller's own unfinished upload, which the policy still lets them
 * add to (403 / 409 otherwise). `complete` also accepts a finished one,
 * so completing twice answers the same.
 */
async function uploadable(deps: RouteDeps, access: HandoverAccess,
  raw: string | undefined, orComplete = false): Promise<Material> {
  const material = await visibleMaterial(deps, access, raw);
  access.require('uploadMaterial', '只有离任者或人事可以上传材料');
  if (material.uploader !== access.actor.userid) throw forbidden();
  if (material.status === 'complete' && orComplete) return material;
  if (material.status !== 'uploading') throw conflict('the upload is finished');
  return material;
}

/** A chunk's index, exact length and claimed hash, or a 400 naming which. */
function chunkRequest(ctx: Context, material: Material) {
  const raw = ctx.params.index;
  const index = /^\d{1,6}$/.test(raw ?? '') ? Number(raw) : -1;
  const length = chunkLength(material.size, material.chunkSize, index);
  if (length === null) throw validationError('index: no such chunk', 'index');
  const sha256 = ctx.get(CHUNK_SHA_HEADER).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw validationError(`${CHUNK_SHA_HEADER}: expected 64 hex digits`,
      CHUNK_SHA_HEADER);
  }
  if (!ctx.is('application/octet-stream')) {
    throw validationError('Content-Type: expected application/octet-stream',
      'Content-Type');
  }
  const declared = Number(ctx.get('Content-Length') || NaN);
  if (declared > length) {
    throw validationError(`chunk ${index} is at most ${length} bytes`, 'body');
  }
  return { index, length, sha256 };
}

/** Streams the file, or the one byte range asked for (206, or 416). */
function sendContent(ctx: Context, m: Material, storage: Storage): void {
  ctx.set('Accept-Ranges', 'bytes');
  ctx.set('Content-Disposition', contentDisposition(m.name));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-cache');
  ctx.set('ETag', `"${m.sha256}"`);

  const range = parseRange(ctx.get('Range') || undefined, m.size);
  if (range === 'unsatisfiable') {
    ctx.status = 416;
    ctx.set('Content-Range', `bytes */${m.size}`);
    ctx.body = { error: { id: 'range_not_satisfiable',
      message: `the file is ${m.size} bytes` } };
    return;
  }

  ctx.type = m.contentType;
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${m.size}`);
    ctx.body = storage.read(m.storageKey, range);
    ctx.length = range.end - range.start + 1;
  } else {
    ctx.body = storage.read(m.storageKey);
    ctx.length = m.size;
  }
}
