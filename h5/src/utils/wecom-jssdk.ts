import type { JsapiConfigResponse } from '@baton/shared';
import { lazySchema, request } from '@/api/http';

/**
 * The WeCom JS-SDK, for what only WeCom's client can do: pick photos and
 * files from chats, and preview files natively. `@wecom/jssdk` is loaded
 * on first use, never with the first route. Outside WeCom nothing here is
 * used; the H5 falls back to a plain file input and links.
 */

type Wecom = typeof import('@wecom/jssdk');

/** APIs the H5 calls; WeCom only grants those named at registration. */
const JS_API_LIST = [
  'chooseImage', 'getLocalImgData', 'chooseMessageFile', 'getLocalFileData',
  'previewFile', 'previewImage',
];

/** Whether the page runs inside WeCom's client (its webview says so). */
export function inWecom(): boolean {
  return /wxwork/i.test(navigator.userAgent);
}

/**
 * Whether WeCom's APIs can be called now: inside WeCom and with its bridge
 * injected. Without the bridge the SDK waits for it for ever, so anything
 * that merely claims to be WeCom (a test browser, a proxy page) falls back
 * to the plain web path instead of hanging.
 */
export function wecomApisAvailable(): boolean {
  return inWecom() && 'WeixinJSBridge' in window;
}

let loading: Promise<Wecom> | null = null;

const ConfigSchema = lazySchema(() => import('@baton/shared')
  .then((shared) => shared.JsapiConfigResponse));

/**
 * The SDK, registered for our app once per page load. Signatures come from
 * the server for the URL WeCom asks about; a failed registration only
 * shows up when an API is called, as that call's rejection.
 */
export function loadWecom(): Promise<Wecom> {
  loading ??= import('@wecom/jssdk').then((ww) => {
    registerApp(ww);
    return ww;
  }).catch((failure: unknown) => {
    loading = null; // the chunk did not load (offline): try again next time
    throw failure;
  });
  return loading;
}

function registerApp(ww: Wecom): void {
  // The corp and app signatures come in one answer; both callbacks ask
  // for the same URL, so one request serves them.
  const configs = new Map<string, Promise<JsapiConfigResponse>>();
  const configFor = (url: string) => {
    const page = url.split('#')[0];
    let config = configs.get(page);
    if (!config) {
      config = request('/api/wecom/jsapi-config', ConfigSchema,
        { query: { url: page } });
      config.catch(() => configs.delete(page));
      configs.set(page, config);
    }
    return config;
  };

  // corpId and agentId are needed before the first signature, so they
  // come from a config fetched for the current page.
  void configFor(window.location.href).then((first) => {
    ww.register({
      corpId: first.corpId,
      agentId: first.agentId,
      jsApiList: JS_API_LIST,
      getConfigSignature: async (url) => (await configFor(url)).corp,
      getAgentConfigSignature: async (url) => (await configFor(url)).agent,
    });
  }).catch((failure: unknown) => {
    console.error('WeCom JS-SDK not registered', failure);
  });
}

/**
 * Photos taken or picked in WeCom's own picker, as Files ready to upload.
 * iOS hands out the bytes through getLocalImgData; on Android a localId is
 * a URL the webview can read.
 */
export async function chooseWecomPhotos(): Promise<File[]> {
  const ww = await loadWecom();
  const { localIds } = await ww.chooseImage({ count: 9,
    sizeType: [ww.SizeType.original],
    sourceType: [ww.SourceType.album, ww.SourceType.camera] });
  const stamp = Date.now();
  return Promise.all(localIds.map(async (localId, i) => {
    const name = `IMG_${stamp}_${i + 1}.jpg`;
    try {
      const { localData } = await ww.getLocalImgData({ localId });
      return fileFromBase64(localData, name, 'image/jpeg');
    } catch {
      const blob = await (await fetch(localId)).blob();
      return new File([blob], name, { type: blob.type || 'image/jpeg' });
    }
  }));
}

/**
 * Files picked from the person's WeCom chats (up to 20 MB each, WeCom's
 * limit for reading them back), as Files ready to upload.
 */
export async function chooseWecomChatFiles(): Promise<File[]> {
  const ww = await loadWecom();
  const { tempFiles } = await ww.chooseMessageFile({ count: 9,
    type: ww.ChooseMessageFileType.file });
  return Promise.all(tempFiles.map(async (picked) => {
    const { localData } = await ww.getLocalFileData({ localId: picked.localId });
    return fileFromBase64(localData, picked.name, '');
  }));
}

/**
 * Opens a file in WeCom's own viewer. `url` may be relative. Rejects when
 * WeCom refuses, so the caller can fall back to opening the link.
 * TODO: WeCom's native viewer may fetch without the page's cookies (its
 * docs warn of this on iOS), and /content needs the session cookie; a
 * short-lived signed content URL would make native preview dependable.
 */
export async function previewWecomFile(url: string, name: string,
  size: number): Promise<void> {
  const ww = await loadWecom();
  await ww.previewFile({ url: absolute(url), name, size });
}

/** Shows images in WeCom's own viewer, starting at `current`. */
export async function previewWecomImages(current: string,
  urls: string[]): Promise<void> {
  const ww = await loadWecom();
  await ww.previewImage({ current: absolute(current), urls: urls.map(absolute) });
}

function absolute(url: string): string {
  return new URL(url, window.location.href).href;
}

/** Bytes WeCom hands over as base64 (sometimes as a data: URL). */
function fileFromBase64(data: string, name: string, type: string): File {
  const base64 = data.replace(/^data:[^,]*,/, '');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new File([bytes], name, { type });
}
