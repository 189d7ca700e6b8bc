// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
import { describe, expect, it } from 'vitest';
import { run, type Row } from './harness.js';

const table: Record<string, Row[]> = {
  IpAddress: [
    ['203.0.113.7', '203.0.113.0/24', true],
    ['203.0.114.7', '203.0.113.0/24', false],
    ['203.0.113.7', '203.0.113.7', true], // bare IP = /32
    ['203.0.113.8', '203.0.113.7', false],
    ['10.1.2.3', '0.0.0.0/0', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['2001:db8::1', '203.0.113.0/24', false], // families never mix
    ['not-an-ip', '0.0.0.0/0', false],
  ],
  NotIpAddress: [
    ['198.51.100.1', '203.0.113.0/24', true],
    ['203.0.113.9', ['198.51.100.0/24', '203.0.113.0/24'], false],
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});
