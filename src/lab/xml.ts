/**
 * The XML an STS client reads: `<{Op}Response xmlns=…><{Op}Result>…</{Op}Result>
 * <ResponseMetadata><RequestId>…` on success and `<ErrorResponse><Error><Type>Sender</Type>
 * <Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>` on error.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Examples
 */
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const NEEDS_ESCAPE = /[<>&\r]/;

/** Text content: `&`, `<`, `>` (and CR, which XML parsers would otherwise fold) become references. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[<>&\r]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&#13;',
  );
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
