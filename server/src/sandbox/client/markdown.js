// Renders the rich text WeCom messages may carry, safely: WeCom markdown
// (headings, bold, links, inline code, quotes, <font color>) and the few
// tags WeCom allows in text messages (<a href>) and textcard descriptions
// (<div class="gray|normal|highlight">). Anything else stays literal text.
// https://developer.work.weixin.qq.com/document/path/90236
import { h, link } from './dom.js';

// <font color> values WeCom understands; others render uncoloured.
const FONT_COLORS = new Set(['info', 'comment', 'warning']);

// One alternation per inline construct, tried left to right.
const INLINE = new RegExp([
  /\*\*([\s\S]+?)\*\*/.source,
  /<font\s+color\s*=\s*["']?(\w+)["']?\s*>([\s\S]*?)<\/font>/.source,
  /\[([^\]\n]+)\]\(([^)\s]+)\)/.source,
  /`([^`\n]+)`/.source,
  /<a\s+href\s*=\s*["']([^"']+)["']\s*>([\s\S]*?)<\/a>/.source,
].join('|'), 'gi');

/**
 * Inline markup in `text` as an array of nodes and strings.
 * @param {string} text
 * @param {number} [depth] nesting so far (bold inside font...)
 * @returns {(Node | string)[]}
 */
export function renderInline(text, depth = 0) {
  if (depth > 3) return [text];
  const out = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(inlineNode(m, depth));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function inlineNode(m, depth) {
  const [, bold, color, colored, label, href, code, aHref, aText] = m;
  if (bold !== undefined) return h('strong', {}, renderInline(bold, depth + 1));
  if (color !== undefined) {
    const tone = color.toLowerCase();
    const cls = FONT_COLORS.has(tone) ? `md-font md-font--${tone}` : 'md-font';
    return h('span', { class: cls }, renderInline(colored, depth + 1));
  }
  if (label !== undefined) return link(href, [label], 'md-link');
  if (code !== undefined) return h('code', { class: 'md-code' }, code);
  return link(aHref, renderInline(aText, depth + 1), 'md-link');
}

/**
 * WeCom markdown as a block of DOM: one line per source line, `#` headings,
 * `>` quotes, inline markup within.
 * @param {string} source
 * @returns {HTMLElement}
 */
export function renderMarkdown(source) {
  const root = h('div', { class: 'md' });
  for (const line of String(source ?? '').split(/\r?\n/)) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      root.append(h('div', { class: `md-h md-h${level}` },
        renderInline(heading[2])));
    } else if (quote) {
      root.append(h('div', { class: 'md-quote' }, renderInline(quote[1])));
    } else if (line.trim() === '') {
      root.append(h('div', { class: 'md-gap' }));
    } else {
      root.append(h('div', { class: 'md-line' }, renderInline(line)));
    }
  }
  return root;
}

/**
 * A text message: line breaks kept, `<a href>` links live, the rest literal.
 * @param {string} content
 */
export function renderText(content) {
  return h('div', { class: 'text-content' }, renderInline(String(content ?? '')));
}

// WeCom's three textcard description styles.
const TEXTCARD_DIV = new RegExp(
  /<div\s+class\s*=\s*["']?(gray|normal|highlight)["']?\s*>/.source
    + /([\s\S]*?)<\/div>/.source,
  'gi',
);

/**
 * A textcard description: WeCom's `<div class="gray|normal|highlight">`
 * segments become styled lines; other text is shown as is.
 * @param {string} description
 */
export function renderTextcardDescription(description) {
  const root = h('div', { class: 'textcard-desc' });
  const text = String(description ?? '');
  let last = 0;
  for (const m of text.matchAll(TEXTCARD_DIV)) {
    pushPlain(root, text.slice(last, m.index));
    root.append(h('div', { class: `textcard-desc--${m[1].toLowerCase()}` },
      m[2]));
    last = m.index + m[0].length;
  }
  pushPlain(root, text.slice(last));
  return root;
}

function pushPlain(root, text) {
  for (const line of text.split(/<br\s*\/?>|\n/i)) {
    if (line.trim()) root.append(h('div', {}, line));
  }
}
