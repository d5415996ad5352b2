/**
 * The HTML of the emulator's OAuth pages: the person picker and the error
 * page WeCom shows instead of redirecting. Small, mobile-first, zh-CN.
 */

/** One person on the picker. */
export interface PickerEntry {
  userid: string;
  name: string;
  /** Position and department, e.g. `销售总监 · 销售部`. */
  detail: string;
  href: string;
}

const TEXT = {
  pickTitle: '选择登录身份',
  pickHint: '模拟企业微信授权：点击一位成员，以其身份登录。',
  errorTitle: '无法完成授权',
} as const;

/** Why WeCom refused, in the words its page would use. */
const ERROR_TEXT: Record<number, string> = {
  40013: 'appid 无效，请确认 appid 为企业的 CorpID',
  40056: 'agentid 无效',
  40058: '参数错误',
  40063: '缺少参数',
  50001: 'redirect_uri 需使用应用可信域名',
  60111: '成员不存在',
};

const STYLE = `
body{margin:0;font:16px/1.5 -apple-system,"PingFang SC",sans-serif;
background:#f2f3f5;color:#1f2329}
main{max-width:480px;margin:0 auto;padding:16px}
h1{font-size:20px;margin:8px 0}p{color:#646a73;font-size:14px}
ul{list-style:none;margin:0;padding:0}
li a{display:flex;justify-content:space-between;align-items:center;
background:#fff;border-radius:8px;margin:8px 0;padding:14px 16px;
color:inherit;text-decoration:none}
li a span{color:#8f959e;font-size:14px}
.code{font-family:monospace;color:#f54a45}`;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, content: string): string {
  return '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body>${content}</body></html>`;
}

/** The person picker; each link carries `data-userid` for browser tests. */
export function pickerPage(corpName: string, people: PickerEntry[]): string {
  const items = people.map((p) =>
    `<li><a href="${escapeHtml(p.href)}" ` +
    `data-userid="${escapeHtml(p.userid)}"><strong>${escapeHtml(p.name)}` +
    `</strong><span>${escapeHtml(p.detail)}</span></a></li>`).join('');
  const hint = `${escapeHtml(corpName)} · ${TEXT.pickHint}`;
  return page(TEXT.pickTitle, `<main><h1>${TEXT.pickTitle}</h1>` +
    `<p>${hint}</p><ul>${items}</ul></main>`);
}

/** The page shown instead of a redirect; `data-errcode` names the error. */
export function errorPage(errcode: number, detail: string): string {
  const reason = ERROR_TEXT[errcode] ?? '请求无效';
  return page(TEXT.errorTitle, `<main data-errcode="${errcode}">` +
    `<h1>${TEXT.errorTitle}</h1><p>${escapeHtml(reason)}</p>` +
    `<p class="code">errcode: ${errcode} (${escapeHtml(detail)})</p></main>`);
}
