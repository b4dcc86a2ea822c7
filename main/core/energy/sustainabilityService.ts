import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_SUSTAINABILITY_SETTINGS,
  SustainabilitySettingsSchema,
  type Period,
  type SustainabilitySettings,
  type SustainabilitySummary,
} from '../../../shared/sustainability';
import { err, ok, type Result } from '../../../shared/result';
import { writeFileAtomic } from '../config/atomicFile';
import { PeriodicSave } from '../config/periodicSave';
import type { FleetService } from '../fleet/fleetService';
import { carbonFor, parseCarbonCsv, type CarbonTable } from './carbonTable';
import { loadLedger, saveLedger } from './ledgerFile';
import { sustainabilitySummary } from './sustainabilitySummary';

const SETTINGS_FILE = 'sustainability.json';
const LEDGER_FILE = 'energy-ledger.json.gz';

/**
 * Issue 8's service: the idle rule (a settings file in the config directory), the bundled grid
 * carbon table, the ledger's persistence (every minute and at stop) and the page's summaries.
 */
export class SustainabilityService {
  /** A failure is reported on the page, not thrown into the tick. */
  private readonly saver = new PeriodicSave(() =>
    saveLedger(join(this.stateDir, LEDGER_FILE), this.fleet.ledger, this.now()).catch((e: Error) => {
      const note = `the energy ledger could not be saved: ${e.message}`;
      if (!this.notes.includes(note)) this.notes.push(note);
    }),
  );

  private constructor(
    private readonly fleet: FleetService,
    private readonly stateDir: string,
    private settings: SustainabilitySettings,
    private readonly carbon: CarbonTable | null,
    /** Problems met while loading (a bad settings file, an unreadable ledger), shown on the page. */
    readonly notes: string[],
    private readonly now: () => number,
  ) {}

  static async open(
    fleet: FleetService,
    opts: { stateDir: string; resourcesDir: string; now?: () => number; log?: (m: string) => void },
  ): Promise<SustainabilityService> {
    const notes: string[] = [];
    const settings = await readSettings(join(opts.stateDir, SETTINGS_FILE), notes);
    fleet.ledger.setIdleRule({ thresholdPct: settings.idleThresholdPct, windowS: settings.idleWindowS });
    let carbon: CarbonTable | null = null;
    try {
      const parsed = parseCarbonCsv(await readFile(join(opts.resourcesDir, 'carbon-intensity.csv'), 'utf8'));
      if (parsed.ok) carbon = parsed.value;
      else notes.push(parsed.message);
    } catch (e) {
      notes.push(
        `the bundled carbon table could not be read (${(e as Error).message}): CO2 needs a per-site override`,
      );
    }
    const loaded = await loadLedger(join(opts.stateDir, LEDGER_FILE), fleet.ledger);
    if (loaded.kind === 'corrupt') {
      notes.push(`${loaded.message}; kept as ${loaded.movedTo}, figures start afresh`);
      opts.log?.(notes.at(-1)!);
    }
    for (const n of notes) opts.log?.(n);
    return new SustainabilityService(fleet, opts.stateDir, settings, carbon, notes, opts.now ?? Date.now);
  }

  /** Saves the ledger every minute and at stop. */
  start(): void {
    this.saver.start();
  }

  stop(): Promise<void> {
    return this.saver.stop();
  }

  save(): Promise<void> {
    return this.saver.now();
  }

  /** The grid intensity a site's energy is priced at: its override, else its country's; null = no data. */
  carbonOf(site: { country: string; carbonGPerKwh?: number }): number | null {
    return this.carbon
      ? carbonFor(this.carbon, site.country, site.carbonGPerKwh)
      : (site.carbonGPerKwh ?? null);
  }

  get currentSettings(): SustainabilitySettings {
    return this.settings;
  }

  async setSettings(next: SustainabilitySettings): Promise<Result<SustainabilitySettings>> {
    try {
      await writeFileAtomic(join(this.stateDir, SETTINGS_FILE), JSON.stringify(next, null, 2) + '\n');
    } catch (e) {
      return err('UNAVAILABLE', `the settings could not be saved: ${(e as Error).message}`);
    }
    this.settings = next;
    this.fleet.ledger.setIdleRule({ thresholdPct: next.idleThresholdPct, windowS: next.idleWindowS });
    return ok(next);
  }

  summary(period: Period): SustainabilitySummary {
    const s = sustainabilitySummary({
      ledger: this.fleet.ledger,
      sites: this.fleet.siteFactors(),
      carbon: this.carbon,
      idleNow: this.fleet.idleNow(true),
      settings: this.settings,
      now: this.now(),
      period,
    });
    return { ...s, method: { ...s.method, notes: [...this.notes] } };
  }
}

async function readSettings(path: string, notes: string[]): Promise<SustainabilitySettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return DEFAULT_SUSTAINABILITY_SETTINGS;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    notes.push(`${path} is not JSON (${(e as Error).message}): the defaults apply until it is fixed`);
    return DEFAULT_SUSTAINABILITY_SETTINGS;
  }
  const parsed = SustainabilitySettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  notes.push(
    `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message} — the defaults apply until it is fixed`,
  );
  return DEFAULT_SUSTAINABILITY_SETTINGS;
}
