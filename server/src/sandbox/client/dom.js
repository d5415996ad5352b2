// Tiny DOM helpers for the sandbox client. Everything on the page is built
// with createElement and text nodes: message content never reaches innerHTML.

/**
 * Creates an element. `attrs` keys: `class`, `text`, `on<Event>` handlers,
 * boolean and string attributes (`data-*`, `href`, `disabled`...); null,
 * undefined and false values are skipped. Children may be nodes, strings
 * (added as text) or nested arrays; null and false children are skipped.
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * Appends children (nodes, strings as text, nested arrays) to `parent`.
 * @param {Node} parent
 * @param {unknown[]} children
 */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Returns `href` if it is safe to link to (http, https, or a path on this
 * site), else null. Blocks `javascript:` and other schemes.
 * @param {unknown} href
 * @returns {string | null}
 */
export function safeUrl(href) {
  if (typeof href !== 'string' || !href.trim()) return null;
  try {
    const url = new URL(href.trim(), window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/**
 * A link that opens in a new tab, or plain text if the URL is not safe.
 * @param {unknown} href
 * @param {unknown[]} children
 * @param {string} [className]
 */
export function link(href, children, className) {
  const url = safeUrl(href);
  if (!url) return h('span', { class: className }, children);
  return h('a', {
    class: className, href: url, target: '_blank', rel: 'noopener noreferrer',
  }, children);
}

/**
 * Text avatar in WeCom's style: the last two characters of a name on a
 * colour picked from the userid, so a person keeps their colour.
 * @param {string} name
 * @param {string} seed
 * @param {string} [extraClass]
 */
export function avatar(name, seed, extraClass = '') {
  const palette = ['#3a7cf4', '#f5a623', '#36b37e', '#8e6cef', '#ef5b5b',
    '#16a2b8', '#e67e22'];
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return h('span', {
    class: `avatar ${extraClass}`.trim(),
    style: `background:${palette[hash % palette.length]}`,
    'aria-hidden': 'true',
  }, Array.from(name).slice(-2).join(''));
}
