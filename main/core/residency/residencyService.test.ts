import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResidencyEvent } from '../../../shared/residency';
import type { AuditLog } from '../audit/auditLog';
import type { FleetService } from '../fleet/fleetService';
import { ResidencyService } from './residencyService';

const NOW = Date.UTC(2026, 10, 29, 12);
const fleet = { clock: () => NOW, siteConnections: [] } as unknown as FleetService;
const audit = {} as AuditLog;
const ev = (t: number, workload: string): ResidencyEvent => ({
  t,
  event: 'start',
  workload,
  tenant: 'acme',
  dataClass: 'public',
  siteId: 'eu-fra-1',
  country: 'DE',
  subdivision: null,
  hostname: 'n1',
});

describe('ResidencyService history files', () => {
  it('reads this month and last month back, skips a line cut short by a crash, leaves older months on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-residency-'));
    const s0 = await ResidencyService.open(fleet, dir, audit);
    void s0;
    const line = (e: ResidencyEvent) => JSON.stringify(e) + '\n';
    await writeFile(
      join(dir, 'residency', 'history-2026-11.jsonl'),
      line(ev(NOW - 1000, 'wl-now')) + '{"t": 1, "ev',
    );
    await writeFile(
      join(dir, 'residency', 'history-2026-10.jsonl'),
      line(ev(Date.UTC(2026, 9, 5), 'wl-october')),
    );
    await writeFile(
      join(dir, 'residency', 'history-2026-08.jsonl'),
      line(ev(Date.UTC(2026, 7, 5), 'wl-august')),
    );
    const s = await ResidencyService.open(fleet, dir, audit);
    expect(s.history().map((e) => e.workload)).toEqual(['wl-october', 'wl-now']);
    expect(s.notes.join()).toMatch(/history-2026-11\.jsonl: 1 unreadable line/);
    const a = s.query({ from: 0, to: NOW });
    expect(a.historyFrom).toBe(Date.UTC(2026, 9, 1));
    expect(await readdir(join(dir, 'residency'))).toContain('history-2026-08.jsonl');
  });
});
