import { z } from 'zod';
import { call } from '../callSpec';
import { PeriodSchema, SustainabilitySettingsSchema, SustainabilitySummarySchema } from '../sustainability';

/** Issue 8: idle energy, its settings and its export. */
export const sustainabilityCalls = {
  'sustainability.summary': call({
    summary:
      'Idle GPU energy, money and CO2 over a period by site, country, tenant, model and node, with coverage and method.',
    permission: 'view',
    request: z.object({ period: PeriodSchema }).strict(),
    response: SustainabilitySummarySchema,
    errors: [],
  }),
  'sustainability.setSettings': call({
    summary: 'Change what counts as idle (threshold and window); applies from now on.',
    permission: 'reports',
    request: SustainabilitySettingsSchema,
    response: SustainabilitySettingsSchema,
    errors: ['UNAVAILABLE'],
  }),
  'sustainability.export': call({
    summary: "A period's leaderboards as CSV.",
    permission: 'reports',
    request: z.object({ period: PeriodSchema }).strict(),
    response: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
    errors: [],
  }),
} as const;
