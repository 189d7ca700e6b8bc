import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../src/lab/lab.js';
import { eventLine } from '../../src/lab/render.js';
import { createTheme } from '../../src/ui/theme.js';

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
