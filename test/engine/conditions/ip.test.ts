// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
// A policy value is a CIDR range (RFC 4632) or a bare address (a single host); IPv4 and IPv6.
import { describe, expect, it } from 'vitest';
import { run, type Row } from './harness.js';

const table: Record<string, Row[]> = {
  IpAddress: [
    ['203.0.113.7', '203.0.113.0/24', true],
    ['203.0.114.7', '203.0.113.0/24', false],
    ['203.0.113.7', '203.0.113.7', true], // bare IP = /32
    ['203.0.113.8', '203.0.113.7', false],
    ['203.0.113.7', '203.0.113.7/32', true],
    ['203.0.113.6', '203.0.113.7/32', false],
    ['203.0.113.7', '203.0.113.6/31', true], // /31: .6 and .7
    ['203.0.113.8', '203.0.113.6/31', false],
    ['10.1.2.3', '0.0.0.0/0', true],
    ['10.255.255.255', '10.0.0.0/8', true],
    ['11.0.0.0', '10.0.0.0/8', false],
    ['10.1.2.3', '10.9.9.9/8', true], // host bits in the policy value are ignored
    ['255.255.255.255', '255.255.255.255', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['2001:DB8::1', '2001:db8::/32', true], // hex digits in any case
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1', true], // the full and the compressed form are one address
    ['2001:db8::1', '2001:db8::1/128', true],
    ['2001:db8::2', '2001:db8::1/128', false],
    ['2001:db8::1', '::/0', true],
    ['::1', '::1', true],
    ['::', '::/128', true],
    ['1::', '1:0:0:0:0:0:0:0', true],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.0/120', true], // an IPv4-mapped IPv6 address
    ['::ffff:1.2.4.4', '::ffff:1.2.3.0/120', false],
    ['::ffff:1.2.3.4', '::ffff:0:0/96', true],
    ['::ffff:1.2.3.4', '::ffff:102:304', true], // the same address in hex groups
    ['2001:db8::1', '203.0.113.0/24', false], // families never mix
    ['203.0.113.7', '::/0', false],
    ['not-an-ip', '0.0.0.0/0', false],
    // prefix lengths at the edges: /0 is everything of one family, /32 and /128 one host
    ['0.0.0.0', '255.255.255.255/0', true],
    ['255.255.255.255', '0.0.0.0/0', true],
    ['10.0.0.1', '10.0.0.0/32', false],
    ['10.0.0.0', '10.0.0.0/32', true],
    ['10.0.0.1', '10.0.0.0/31', true],
    ['10.0.0.2', '10.0.0.0/31', false],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::/0', true],
    ['2001:db8::', '2001:db8::/128', true],
    ['2001:db8::1', '2001:db8::/127', true],
    ['2001:db8::2', '2001:db8::/127', false],
    ['2001:db8:8000::', '2001:db8::/33', false], // the bit right after a /32 boundary
    ['2001:db8:7fff::', '2001:db8::/33', true],
    ['10.128.0.0', '10.0.0.0/9', false],
    ['10.127.255.255', '10.0.0.0/9', true],
    // `::`, the unspecified address
    ['::', '::', true],
    ['::', '::1', false],
    ['::1', '::/127', true],
    ['::2', '::/127', false],
    // IPv4-mapped IPv6 addresses are IPv6: they never match an IPv4 range, and an IPv4 request never
    // matches a mapped range (docs/decisions.md#ip-families)
    ['::ffff:1.2.3.4', '1.2.3.0/24', false],
    ['::ffff:1.2.3.4', '1.2.3.4', false],
    ['1.2.3.4', '::ffff:1.2.3.4', false],
    ['1.2.3.4', '::ffff:0:0/96', false],
    ['::FFFF:1.2.3.4', '::ffff:1.2.3.4/128', true],
    ['::ffff:1.2.3.5', '::ffff:1.2.3.4/128', false],
    [' 203.0.113.7 ', '203.0.113.0/24', true], // surrounding blanks are not part of the address
  ],
  NotIpAddress: [
    ['198.51.100.1', '203.0.113.0/24', true],
    ['203.0.113.9', ['198.51.100.0/24', '203.0.113.0/24'], false],
    ['203.0.113.7', '203.0.113.7/32', false],
    ['2001:db8::1', '2001:db8::/32', false],
    ['2001:db9::1', '2001:db8::/32', true],
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});

// An address or range that is not valid never matches: IpAddress is false, even with a /0 range.
describe('invalid addresses and ranges never match', () => {
  it.each<[request: string, policy: string]>([
    ['256.0.0.1', '0.0.0.0/0'], // octet > 255
    ['10.0.0.1', '10.0.0.256/24'],
    ['10.0.0', '0.0.0.0/0'], // three octets
    ['10.0.0.1.5', '0.0.0.0/0'], // five octets
    ['10.0.0.1', '10.0.0.0/33'], // prefix > 32
    ['10.0.0.0', '10.0.0.0/33'], // …even for the network's own address
    ['10.0.0.1', '10.0.0.0/24x'], // a prefix length with something after it
    ['10.0.0.1', '10.0.0.0/'],
    ['10.0.0.1', '10.0.0.0/x'],
    ['10.0.0.1', '10.0.0.0/-1'],
    ['10.0.0.1', '10.0.0.0/8/8'],
    ['10.0.0.x', '0.0.0.0/0'],
    ['2001:db8::1', '2001:db8::/129'], // prefix > 128
    ['2001:db8::', '2001:db8::/129'],
    ['1:2:3:4:5:6:7', '::/0'], // seven groups, no `::`
    ['1:2:3:4:5:6:7:8:9', '::/0'], // nine groups
    ['1:2:3:4:5:6:7:8::', '::/0'], // `::` standing for no group
    ['1::2::3', '::/0'], // two `::`
    ['12345::1', '::/0'], // five hex digits
    ['g::1', '::/0'],
    ['::ffff:1.2.3.256', '::/0'], // a bad IPv4 tail
    ['1:2:3:4:5:6:7:1.2.3.4', '::/0'], // an IPv4 tail counts as two groups
    ['::ffff:1.2.3', '::/0'], // an IPv4 tail with three octets
    ['1.2.3.4', '1.2.3.4/-0'],
    ['1.2.3.4', '1.2.3.4/ 32'],
    ['1.2.3.4', '1.2.3.4/1000'],
    ['::1', '::1/1000'],
    ['2001:db8::1', '2001:db8::/130'],
    // only four decimal octets are an IPv4 address (ipaddr.js alone would also take these forms)
    ['10.1', '0.0.0.0/0'],
    ['167772161', '0.0.0.0/0'], // 10.0.0.1 as one number
    ['0x0a.0.0.1', '0.0.0.0/0'],
    ['010.0.0.1', '0.0.0.0/0'], // a leading zero (octal in some parsers)
    ['10.0.0.1', '010.0.0.0/8'],
    ['fe80::1%eth0', '::/0'], // a zone is not part of a policy address
    ['fe80::1', 'fe80::%eth0/64'],
    ['', '0.0.0.0/0'],
    ['10.0.0.1', ''],
    ['10.0.0.1', '/8'],
    [':::', '::/0'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9/64'],
  ])('%s in %s → false', (request, policy) => {
    expect(run('IpAddress', [request, policy, false])).toBe(false);
  });
});

// Addresses and ranges are parsed once and remembered: answers must not depend on what came before.
it('gives every answer again when the same addresses and ranges come back, in any order', () => {
  const rows = Object.entries(table).flatMap(([operator, rs]) => rs.map((r) => [operator, r] as const));
  for (const [operator, row] of [...rows, ...rows.reverse()]) {
    expect(run(operator, row), `${operator} ${JSON.stringify(row)}`).toBe(row[2]);
  }
  // a text first seen as a range, then as a request address, and the other way round
  expect(run('IpAddress', ['10.0.0.1', '10.0.0.0/8', true])).toBe(true);
  expect(run('IpAddress', ['10.0.0.0/8', '10.0.0.0/8', false])).toBe(false);
  expect(run('IpAddress', ['10.0.0.9', '10.0.0.9', true])).toBe(true);
  expect(run('IpAddress', ['not-an-ip', 'not-an-ip', false])).toBe(false);
  expect(run('NotIpAddress', ['not-an-ip', '10.0.0.0/8', true])).toBe(true);
});
