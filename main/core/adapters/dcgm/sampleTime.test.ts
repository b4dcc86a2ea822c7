import { describe, expect, it } from 'vitest';
import { parseExposition } from '../../telemetry/exposition';
import { sampleTime } from './dcgmScrapeSource';

describe('sampleTime', () => {
  const scrapedAt = 1_800_000_000_000;
  const samples = (text: string) => {
    const p = parseExposition(text);
    if (!p.ok) throw new Error(p.message);
    return p.value.samples;
  };
  it.each([
    ['no stamp (dcgm-exporter): the time of the scrape', 'DCGM_FI_DEV_GPU_UTIL{gpu="0"} 5\n', scrapedAt],
    [
      'a stamp is honoured, as Prometheus does',
      `DCGM_FI_DEV_GPU_UTIL{gpu="0"} 5 ${scrapedAt - 800}\n`,
      scrapedAt - 800,
    ],
    [
      'a stamp more than a minute off (a skewed exporter clock) is not',
      `DCGM_FI_DEV_GPU_UTIL{gpu="0"} 5 ${scrapedAt - 61_000}\n`,
      scrapedAt,
    ],
  ])('%s', (_, text, want) => {
    expect(sampleTime(samples(text), scrapedAt)).toBe(want);
  });
});
