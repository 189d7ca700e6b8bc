// The isolated AWS config the lab writes: profiles per user and per assumed role, every one with a region.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import { awsConfig } from '../../src/lab/aws-config.js';
import type { Scenario } from '../../src/content/schema.js';
import { scenario } from './helpers.js';

const configOf = async (id: string) => {
  const s = await scenario(id);
  return awsConfig(s, createEngine(s.world).longTermKeys(), (step) => `/lab/tokens/${step}.jwt`);
};

describe('lab AWS config', () => {
  it('role-chaining: Deployer from sam with the step’s duration, ProdOps chained from the Deployer profile', async () => {
    const cfg = await configOf('role-chaining');
    expect(cfg.region).toBe('eu-north-1');
    expect(cfg.defaultProfile).toBe('sam');
    expect(cfg.config).toContain(
      '[profile Deployer]\nrole_arn = arn:aws:iam::121212121212:role/Deployer\nsource_profile = sam\nrole_session_name = sam\nduration_seconds = 14400\nregion = eu-north-1\n',
    );
    expect(cfg.config).toContain(
      '[profile ProdOps]\nrole_arn = arn:aws:iam::343434343434:role/ProdOps\nsource_profile = Deployer\nrole_session_name = sam-migration\nregion = eu-north-1\n',
    );
    expect(cfg.credentials).toMatch(
      /^\[sam\]\n# arn:aws:iam::121212121212:user\/sam .*\naws_access_key_id = AKIA\w{16}\n/,
    );
  });

  it('github-actions-oidc: a web identity profile reading the step’s token file', async () => {
    const cfg = await configOf('github-actions-oidc');
    expect(cfg.config).toContain(
      '[profile GitHubDeploy]\nrole_arn = arn:aws:iam::444444444444:role/GitHubDeploy\nweb_identity_token_file = /lab/tokens/deploy-main.jwt\nrole_session_name = GitHubActions\nregion = us-east-1\n',
    );
    expect(cfg.defaultProfile).toBe('GitHubDeploy');
    expect(cfg.credentials).toBe('');
  });

  it('cross-account-assume-role: mfa_serial where the step sends an MFA code; root only because a what-if uses it', async () => {
    const cfg = await configOf('cross-account-assume-role');
    expect(cfg.config).toMatch(
      /\[profile ProdAdmin\]\n[^[]*mfa_serial = arn:aws:iam::111111111111:mfa\/dana\n/,
    );
    expect(cfg.config).not.toMatch(/\[profile ReportReader\]\n[^[]*mfa_serial/);
    expect(cfg.profiles.map((p) => p.name)).toEqual([
      'dana',
      'evan',
      'root-111111111111',
      'ReportReader',
      'ProdAdmin',
    ]);
    expect(cfg.profiles.every((p) => p.settings.some(([k]) => k === 'region'))).toBe(true);
  });

  it('leaves out a profile whose name or values would add lines to the config (untrusted content)', () => {
    const evil = 'x]\ncredential_process = sh -c evil\n[profile y';
    const s = {
      id: 'evil',
      title: 'evil',
      world: {
        users: [
          { name: evil, account: '111111111111' },
          { name: 'ok', account: '111111111111' },
        ],
        roles: [
          {
            name: 'R',
            account: '111111111111',
            trust: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
            },
          },
        ],
      },
      steps: [
        {
          id: 'a',
          call: {
            api: 'AssumeRole',
            as: 'user/ok',
            params: {
              RoleArn: 'arn:aws:iam::111111111111:role/R',
              RoleSessionName: 'a\nduration_seconds = 1',
            },
          },
        },
      ],
    } as unknown as Scenario;
    const cfg = awsConfig(s, createEngine(s.world).longTermKeys(), () => '/t');
    expect(cfg.config + cfg.credentials).not.toContain('credential_process');
    expect(cfg.config).not.toContain('duration_seconds');
    expect(cfg.profiles.map((p) => p.name)).toEqual(['ok']);
  });

  it("never takes an ARN's Region field for the region unless it is a Region code (a newline would add credential_process)", () => {
    // Given a resource ARN whose Region field carries a config line, When the config is written,
    // Then the region is us-east-1 and no line but the lab's own is in the file
    const s = {
      id: 'region-inject',
      title: 'R',
      world: { accounts: [{ id: '111111111111' }] },
      steps: [
        {
          id: 'a',
          call: {
            api: 'Request',
            as: 'anonymous',
            action: 's3:GetObject',
            resource: "arn:aws:s3:us-east-1\ncredential_process = sh -c 'id > /tmp/x'\n:111111111111:b/k",
          },
        },
        {
          id: 'b',
          call: {
            api: 'Request',
            as: 'anonymous',
            action: 's3:GetObject',
            resource: 'arn:aws:s3:eu-west-3:1:b/k',
          },
        },
      ],
    } as unknown as Scenario;
    const cfg = awsConfig(s, createEngine(s.world).longTermKeys(), () => '/t');
    expect(cfg.region).toBe('eu-west-3');
    expect(cfg.config).toBe('[default]\nregion = eu-west-3\n');
  });

  it('saml-federation (no IAM user, no role profile): a [default] profile with the region, so AWS_PROFILE exists', async () => {
    const cfg = await configOf('saml-federation');
    expect(cfg.defaultProfile).toBe('default');
    expect(cfg.config).toBe(`[default]\nregion = ${cfg.region}\n`);
    expect(cfg.credentials).toBe('');
  });
});
