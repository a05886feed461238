import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CDNOW, RFM_ORDERS_CSV } from '../../bench/shared-data.ts';

const BIN = join(import.meta.dirname, '../../bin/cordial.mjs');
// Each test starts Node processes; on a busy machine that takes seconds, not a failure.
vi.setConfig({ testTimeout: 60_000 });

/** Runs the real bin with plain `node`, as a user would. */
function cordial(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, maxBuffer: 64 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cordial-cli-')), name);
  writeFileSync(path, text);
  return path;
}

describe('cordial rfm', () => {
  it('should print one CSV row per customer with the segments of the rfm package', () => {
    const { status, stdout } = cordial(['rfm', RFM_ORDERS_CSV, '--as-of', '2006-12-31']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('customer_id,recency_days,frequency,monetary,r,f,m,segment');
    expect(lines).toHaveLength(996);
    expect(lines).toContain("Abbey O'Reilly,205,6,472,3,4,3,Potential Loyalist");
    expect(lines.filter((l) => l.endsWith(',Champions'))).toHaveLength(35);
    expect(lines.filter((l) => l.endsWith(',Lost'))).toHaveLength(148);
  });

  it('should print JSON with --format json and read headerless whitespace-separated CDNOW_master.txt', () => {
    const { status, stdout } = cordial([
      'rfm',
      `${CDNOW}/CDNOW_master.txt`,
      '--as-of',
      '1998-06-30',
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as { customers: { customer_id: string; frequency: number }[] };
    expect(out.customers).toHaveLength(23570);
    expect(out.customers[0]).toMatchObject({ customer_id: '00001', frequency: 1 });
  });

  it('should take columns by flag, report bad rows with line numbers on stderr and skip them', () => {
    const csv = tempFile(
      'odd.csv',
      'who;when;paid\nann;2024-01-05;10\nbob;someday;5\nann;2024-02-01;x\ncat;2024-02-10;7\n',
    );
    const { status, stdout, stderr } = cordial([
      'rfm',
      csv,
      '--as-of',
      '2024-03-01',
      '--customer',
      'who',
      '--date',
      'when',
      '--amount',
      '3',
    ]);
    expect(status).toBe(0);
    expect(stderr).toContain('odd.csv:3: skipped: "someday" is not a date');
    expect(stderr).toContain('odd.csv:4: skipped: "x" is not an amount');
    expect(
      stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['ann', 'cat']);
  });

  it('should apply a user-edited rule table and reject an invalid one', () => {
    const rules = tempFile(
      'rules.json',
      JSON.stringify([{ name: 'Recent', recency: [4, 5], frequency: [1, 5], monetary: [1, 5] }]),
    );
    const ok = cordial(['rfm', RFM_ORDERS_CSV, '--as-of', '2006-12-31', '--segments', rules]);
    expect(
      new Set(
        ok.stdout
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',').at(-1)),
      ),
    ).toEqual(new Set(['Recent', 'Others']));
    const bad = tempFile(
      'bad.json',
      JSON.stringify([{ name: 'X', recency: [5, 1], frequency: [1, 5], monetary: [1, 5] }]),
    );
    const refused = cordial(['rfm', RFM_ORDERS_CSV, '--as-of', '2006-12-31', '--segments', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('low ≤ high');
  });

  it('should exit non-zero only when nothing usable remains', () => {
    const none = tempFile('none.csv', 'customer_id,order_date,revenue\na,never,1\n');
    const result = cordial(['rfm', none, '--as-of', '2024-01-01']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('none.csv:2: skipped');
    expect(result.stderr).toContain('No usable order rows');
  });

  it('should explain usage mistakes with exit status 2', () => {
    expect(cordial(['rfm', RFM_ORDERS_CSV]).stderr).toContain('--as-of needs a date');
    expect(cordial(['rfm', RFM_ORDERS_CSV, '--as-of', '2006-12-31', '--format', 'xml']).status).toBe(2);
    expect(cordial(['nope']).status).toBe(2);
    expect(cordial(['--help']).stdout).toMatch(/rfm .*\n.*clv/s);
  });

  it('should read orders from standard input with -', () => {
    const { status, stdout } = cordial(['rfm', '-', '--as-of', '2024-01-31'], 'customer,date,amount\nz,2024-01-01,3\n');
    expect(status).toBe(0);
    expect(stdout).toContain('z,30,1,3,');
  });
});

describe('cordial through npm', () => {
  it('should run from the bin link npm creates (what `npx cordial` executes)', () => {
    const link = join(import.meta.dirname, '../../../../node_modules/.bin/cordial');
    const run = spawnSync(process.execPath, [link, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Commands:');
  });
});

describe('cordial clv', () => {
  it('should fit CDNOW_sample.txt to the published parameters and print the JSON shape of the issue', () => {
    const { status, stdout } = cordial([
      'clv',
      `${CDNOW}/CDNOW_sample.txt`,
      '--calibration-end',
      '1997-09-30',
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    const sig3 = (v: number) => Number(v.toPrecision(3));
    const { r, alpha, a, b } = out.models.bgnbd.params;
    expect([r, alpha, a, b].map(sig3)).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect(out.models.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    const { p, q, gamma } = out.models.gammaGamma.params;
    expect([p, q, gamma].map(sig3)).toEqual([6.25, 3.74, 15.4]);
    expect(out.customers).toHaveLength(2357);
    expect(Object.keys(out.customers[0]).sort()).toEqual(
      ['customer_id', 'x', 't_x', 'T', 'p_alive', 'expected_purchases', 'expected_avg_spend', 'clv'].sort(),
    );
    // Sample customer 1 is the worked example: x = 2, t_x = 30.43, T = 38.86 → 1.226 purchases in 39 weeks.
    expect(out.customers[0]).toMatchObject({ customer_id: '0001', x: 2 });
    expect(out.customers[0].expected_purchases).toBeCloseTo(1.226, 2);
    expect(Object.keys(out.totals).sort()).toEqual(['customer_equity', 'expected_purchases']);
  });

  it('should discount more at a higher rate and value more over a longer horizon', () => {
    const equity = (...args: string[]) =>
      JSON.parse(
        cordial(['clv', `${CDNOW}/CDNOW_sample.txt`, '--calibration-end', '1997-09-30', '--format', 'json', ...args])
          .stdout,
      ).totals.customer_equity as number;
    const base = equity('--horizon-weeks', '39', '--discount-rate', '0.1');
    expect(equity('--horizon-weeks', '39', '--discount-rate', '0.5')).toBeLessThan(base);
    expect(equity('--horizon-weeks', '78', '--discount-rate', '0.1')).toBeGreaterThan(base);
  });

  it('should say why when a model cannot be fitted, with a non-zero exit', () => {
    const once = tempFile(
      'once.csv',
      'customer,date,amount\n' + Array.from({ length: 30 }, (_, i) => `c${i},2024-01-0${(i % 9) + 1},5`).join('\n'),
    );
    const { status, stderr } = cordial(['clv', once, '--calibration-end', '2024-03-01']);
    expect(status).toBe(1);
    expect(stderr).toContain('cannot fit BG/NBD (no-repeat-buyers)');
  });
});
