import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A callback's fields. Values stay strings: 64-bit MsgIds overflow numbers. */
export interface XmlNode {
  [field: string]: string | XmlNode | XmlNode[] | string[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses `<xml>...</xml>`; throws on anything else or on a DOCTYPE. */
export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new Error('DOCTYPE not allowed');
  if (XMLValidator.validate(text) !== true) throw new Error('malformed XML');
  const doc = parser.parse(text) as { xml?: unknown };
  if (typeof doc.xml !== 'object' || doc.xml === null) {
    throw new Error('root element is not <xml>');
  }
  return doc.xml as XmlNode;
}

/** A top-level text field, or '' when it is absent or not text. */
export function field(node: XmlNode, name: string): string {
  const value = node[name];
  return typeof value === 'string' ? value : '';
}

/** Builds `<xml>` with CDATA text; nested objects become nested elements. */
export function buildXml(fields: Record<string, unknown>): string {
  return `<xml>${elements(fields)}</xml>`;
}

function elements(fields: Record<string, unknown>): string {
  return Object.entries(fields).map(([name, value]) => {
    if (typeof value === 'number') return `<${name}>${value}</${name}>`;
    if (value !== null && typeof value === 'object') {
      return `<${name}>${elements(value as Record<string, unknown>)}</${name}>`;
    }
    return `<${name}>${cdata(String(value ?? ''))}</${name}>`;
  }).join('');
}

/** CDATA that survives `]]>` inside the text. */
function cdata(text: string): string {
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}
