// IP address operators: the request IP against a CIDR range (IPv4 or IPv6); a bare address is /32
// (or /128). No policy variables.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
import type { ConditionOperator } from './types.js';

interface Address {
  bits: bigint;
  width: 32 | 128;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

function parseV6(text: string): bigint | undefined {
  let head = text;
  let tail: bigint | undefined;
  let tailGroups = 0;
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    tail = parseV4(v4[2] ?? '');
    if (tail === undefined) return undefined;
    head = `${v4[1]}0:0`;
    tailGroups = 2;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return tail !== undefined && tailGroups ? (n & ~0xffffffffn) | tail : n;
}

function parseAddress(text: string): Address | undefined {
  const t = text.trim();
  if (t.includes(':')) {
    const bits = parseV6(t);
    return bits === undefined ? undefined : { bits, width: 128 };
  }
  const bits = parseV4(t);
  return bits === undefined ? undefined : { bits, width: 32 };
}

/** Is the request address inside the policy CIDR (bare address = single host)? */
export function ipInRange(requestIp: string, cidr: string): boolean {
  const parts = cidr.split('/');
  // `10.0.0.0/8/8` is not a CIDR range (RFC 4632: one prefix length).
  if (parts.length > 2) return false;
  const [addrText, prefixText] = parts;
  const ip = parseAddress(requestIp);
  const net = parseAddress(addrText ?? '');
  if (!ip || !net || ip.width !== net.width) return false;
  const prefix =
    prefixText === undefined ? net.width : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > net.width) return false;
  const shift = BigInt(net.width - prefix);
  return ip.bits >> shift === net.bits >> shift;
}

export const ipOperators: ConditionOperator[] = [
  { name: 'IpAddress', compare: ipInRange, negated: false, variables: false },
  { name: 'NotIpAddress', compare: ipInRange, negated: true, variables: false },
];
