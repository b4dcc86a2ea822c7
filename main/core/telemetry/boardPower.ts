/**
 * Default board power limits (W) by GPU model name, from NVIDIA's product briefs, for when the
 * exporter does not send DCGM_FI_DEV_POWER_MGMT_LIMIT (it is not in dcgm-exporter's default
 * counters). Order matters: the first pattern that matches wins (PCIe and NVL variants before SXM).
 */
const TABLE: [RegExp, number][] = [
  [/GB200/i, 1200],
  [/B200/i, 1000],
  [/H200 NVL/i, 600],
  [/H200/i, 700],
  [/H100 NVL/i, 400],
  [/H100 PCIe/i, 350],
  [/H100/i, 700],
  [/H800/i, 700],
  [/A100.*PCIE.*40/i, 250],
  [/A100.*PCIE/i, 300],
  [/A100/i, 400],
  [/L40S/i, 350],
  [/L40/i, 300],
  [/L4\b/i, 72],
  [/A10\b/i, 150],
];

const known = new Map<string, number | null>();

export function defaultPowerLimitW(model: string | null): number | null {
  if (!model) return null;
  let w = known.get(model);
  if (w === undefined) {
    w = TABLE.find(([re]) => re.test(model))?.[1] ?? null;
    // A fleet has a handful of model names; the bound only guards against an exporter inventing more.
    if (known.size < 1000) known.set(model, w);
  }
  return w;
}
