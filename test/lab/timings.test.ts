// The lab server's own answering times: the Timings buffer, and the control API that reports them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control } from '../../src/lab/control-client.js';
import { Timings } from '../../src/lab/timings.js';
import { startLab, type Running } from './helpers.js';

describe('Timings', () => {
  it('percentiles of the last 65,536 samples; the count of all since the reset', () => {
    const t = new Timings();
    for (let ms = 1; ms <= 70_000; ms++) t.record(ms);
    // The samples kept are 4,465 … 70,000.
    expect(t.summary()).toEqual({ count: 70_000, p50: 4465 + 32_768, p99: 4465 + 64_880, max: 70_000 });
    t.reset();
    expect(t.summary()).toEqual({ count: 0, p50: 0, p99: 0, max: 0 });
    t.record(3);
    t.record(1);
    t.record(2);
    expect(t.summary()).toEqual({ count: 3, p50: 2, p99: 3, max: 3 });
  });
});

describe('GET /__lab/timings', () => {
  let r: Running;
  beforeAll(async () => {
    r = await startLab('cross-account-assume-role');
  });
  afterAll(() => r.server.close());
  const state = () => ({
    url: r.server.url,
    control: r.server.control,
    pid: 0,
    scenario: '',
    tokenSteps: [],
  });

  it('reports the calls answered since the last reset, not its own control requests', async () => {
    await control(state(), 'GET', '/__lab/timings?reset=1');
    for (let i = 0; i < 3; i++) {
      const res = await fetch(r.server.url, { method: 'POST', body: 'Action=GetCallerIdentity' });
      expect(res.status).toBe(400);
    }
    const { status, body } = await control(state(), 'GET', '/__lab/timings?reset=1');
    expect(status).toBe(200);
    expect(body.count).toBe(3);
    const { p50, p99, max } = body as { p50: number; p99: number; max: number };
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThanOrEqual(p99);
    expect(p99).toBeLessThanOrEqual(max);
    expect((await control(state(), 'GET', '/__lab/timings')).body.count).toBe(0);
  });

  it('negative: refused without the lab’s secret', async () => {
    const res = await control({ ...state(), control: 'wrong' }, 'GET', '/__lab/timings');
    expect(res.status).toBe(403);
  });
});
