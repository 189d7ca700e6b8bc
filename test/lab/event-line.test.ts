import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../src/lab/lab.js';
import { eventLine } from '../../src/lab/render.js';
import { createTheme } from '../../src/ui/theme.js';
import { startLab } from './helpers.js';

const t = createTheme({ color: false, plain: true, columns: 200 });
const denied = (api: string): LabEvent => ({
  at: '2026-03-02T14:02:40.000Z',
  api,
  caller: 'ProjectData/dana-falcon',
  target: 'arn:aws:ec2:us-east-1:666677778888:instance/i-1',
  outcome: 'error',
  code: 'AccessDenied',
  message: 'User: … is not authorized',
  deciding: 'implicitly denied',
  completed: [],
});

describe('a lab call line shows what a client sent escaped, on one line', () => {
  it('escapes an action, a name and a message that carry escape sequences or newlines', () => {
    // Given a client's action and session name with SGR and newlines, When shown, Then they are text
    const event: LabEvent = {
      at: '2026-03-02T14:02:40.000Z',
      api: 'Assume\u001b[30;40mRole',
      caller: 'dana\nfake line',
      outcome: 'error',
      code: 'ValidationError',
      message: 'Value \u001b[5m',
      completed: [],
    };
    const line = eventLine(event, createTheme({ color: true, plain: false, columns: 200 }));
    expect(line).toContain('Assume\\e[30;40mRole');
    expect(line).toContain('dana\\nfake line');
    expect(line).toContain('Value \\e[5m');
    expect(line).not.toContain('\n');
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/\u001b\[(?:30;40|5)m/);
  });
});

describe('a lab call line names the error the client got (content/service-error.ts)', () => {
  it("adds EC2's and a JSON service's own name to the engine's code", () => {
    expect(eventLine(denied('ec2:StopInstances'), t)).toContain(
      'AccessDenied (sent as UnauthorizedOperation): implicitly denied',
    );
    expect(eventLine(denied('dynamodb:Scan'), t)).toContain(
      'AccessDenied (sent as AccessDeniedException): implicitly denied',
    );
  });

  it('leaves STS, S3 and the other Query services as the engine says', () => {
    for (const api of ['AssumeRole', 's3:GetObject', 'iam:CreateUser'])
      expect(eventLine(denied(api), t)).toContain('  AccessDenied: implicitly denied');
  });
});

describe('a failed call’s line says the check failed (not the check’s name alone, which reads as the reason)', () => {
  it('an expired OIDC token: `failed check: the token has not expired — exp …; now …`', async () => {
    // Given the github-actions-oidc lab and its expired-token what-if's token
    const r = await startLab('github-actions-oidc');
    try {
      const anonymous = new STSClient({ endpoint: r.server.url, region: 'us-east-1', maxAttempts: 1 });
      // When a client sends it
      await expect(
        anonymous.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: 'arn:aws:iam::444444444444:role/GitHubDeploy',
            RoleSessionName: 'GitHubActions',
            WebIdentityToken: r.lab.token('what-if/expired-token')!.text,
          }),
        ),
      ).rejects.toThrow(/expired/);
      // Then the lab's line names the failed check as failed, its values after a dash
      const line = eventLine(r.events.at(-1)!, t);
      expect(line).toMatch(
        /✘ AssumeRoleWithWebIdentity unsigned → GitHubDeploy {2}ExpiredTokenException: failed check: the token has not expired — exp \d{4}-\d\d-\d\dT[\d:.]+Z; now \d{4}-/,
      );
    } finally {
      await r.server.close();
    }
  });

  it('a denied AssumeRole keeps the authorization’s own words after the same prefix', async () => {
    const r = await startLab('cross-account-assume-role');
    try {
      await expect(
        r.sts(r.key('user/evan')).send(
          new AssumeRoleCommand({
            RoleArn: 'arn:aws:iam::222222222222:role/ReportReader',
            RoleSessionName: 'evan-curious',
          }),
        ),
      ).rejects.toThrow(/not authorized/);
      expect(eventLine(r.events.at(-1)!, t)).toContain(
        'AccessDenied: failed check: sts:AssumeRole on arn:aws:iam::222222222222:role/ReportReader: implicitly denied — no identity-based policy allows',
      );
    } finally {
      await r.server.close();
    }
  });
});
