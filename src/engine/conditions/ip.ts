// IP address operators: the request IP against a CIDR range (RFC 4632; IPv4 or IPv6); a bare address is
// one host (/32 or /128). No policy variables, no wildcards.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
//
// Parsing is ipaddr.js's, narrowed to the forms the AWS page shows: IPv4 as four decimal octets (no
// `10.1`, hex, octal or leading-zero forms, which ipaddr.js also accepts), IPv6 in any RFC 4291 text
// form including an embedded IPv4 tail, but without a zone (`fe80::1%eth0`). An IPv4-mapped IPv6
// address (`::ffff:1.2.3.4`) is an IPv6 address: it matches IPv6 ranges only, never an IPv4 range
// (AWS is silent: docs/decisions.md#ip-families).
import ipaddr from 'ipaddr.js';
import { memoize } from '../caches.js';
import type { ConditionOperator } from './types.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
/** A policy's range: its network address and prefix length. */
interface Range {
  net: Address;
  prefix: number;
}

// Parsed once per distinct text: the same policy ranges and request addresses come in every call.
const address = memoize((text: string): Address | null => {
  const t = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return ipaddr.IPv4.parse(t);
  if (!t.includes('%') && ipaddr.IPv6.isValid(t)) return ipaddr.IPv6.parse(t);
  return null;
});

const range = memoize((cidr: string): Range | null => {
  const parts = cidr.split('/');
  // `10.0.0.0/8/8` is not a CIDR range (RFC 4632: one prefix length).
  if (parts.length > 2) return null;
  const [addrText, prefixText] = parts;
  const net = address(addrText ?? '');
  if (!net) return null;
  const width = net.kind() === 'ipv4' ? 32 : 128;
  const prefix = prefixText === undefined ? width : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > width) return null;
  return { net, prefix };
});

/** Is the request address inside the policy CIDR (bare address = single host)? */
export function ipInRange(requestIp: string, cidr: string): boolean {
  const r = range(cidr);
  const ip = address(requestIp);
  if (!r || !ip || ip.kind() !== r.net.kind()) return false;
  return ip.match(r.net, r.prefix);
}

export const ipOperators: ConditionOperator[] = [
  { name: 'IpAddress', compare: ipInRange, negated: false, variables: false },
  { name: 'NotIpAddress', compare: ipInRange, negated: true, variables: false },
];
