/**
 * The XML an STS client reads: `<{Op}Response xmlns=…><{Op}Result>…</{Op}Result>
 * <ResponseMetadata><RequestId>…` on success and `<ErrorResponse><Error><Type>Sender</Type>
 * <Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>` on error.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Examples
 */
import { sanitize } from '../ui/sanitize.js';

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[<>&\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const ESCAPED = /[<>&\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text content: `&`, `<`, `>` (and CR, which XML parsers would otherwise fold) become references.
 * A character XML 1.0 cannot carry at all, even as a reference (a control character a client put in
 * a parameter the lab echoes), is written as sts-trainer shows it elsewhere, `\e` or `\u0001`: a
 * client could not parse a response that held it (https://www.w3.org/TR/xml/#charsets).
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPED, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '\r' ? '&#13;' : shown(c),
  );
}

/** A character XML cannot carry, as sanitize shows it (U+FFFE and U+FFFF, which it leaves, as `\ufffe`). */
function shown(c: string): string {
  const escaped = sanitize(c);
  return escaped !== c ? escaped : `\\u${c.charCodeAt(0).toString(16)}`;
}

/** An attribute value in double quotes. */
export function escapeAttr(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;');
}

// AWS writes times without milliseconds: 2026-03-02T10:00:00Z.
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function scalar(value: unknown): string {
  const text = String(value);
  if (text.length === 24 && ISO_MS.test(text)) return `${text.slice(0, 19)}Z`;
  return escapeXml(text);
}

// Called once per response (the hot path under load): plain loops, one string built as it goes.
function elements(value: unknown, indent: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return scalar(value);
  const inner = `${indent}  `;
  let out = '';
  if (Array.isArray(value)) {
    for (const v of value) out += `${inner}<member>${elements(v, inner)}</member>\n`;
    return `\n${out}${indent}`;
  }
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    const v = record[k];
    if (v !== undefined) out += `${inner}<${k}>${elements(v, inner)}</${k}>\n`;
  }
  return out ? `\n${out}${indent}` : '';
}

/** A successful STS response: the engine's response object as the result's elements. */
export function successXml(action: string, result: Record<string, unknown>, requestId: string): string {
  return (
    `<${action}Response xmlns="${STS_XMLNS}">\n` +
    `  <${action}Result>${elements(result, '  ')}</${action}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</${action}Response>\n`
  );
}

/** An STS error: every error STS returns to a client is of type Sender (docs/decisions.md#error-messages). */
export function errorXml(code: string, message: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_XMLNS}">\n` +
    `  <Error>\n    <Type>Sender</Type>\n    <Code>${escapeXml(code)}</Code>\n` +
    `    <Message>${escapeXml(message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}
