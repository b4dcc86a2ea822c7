import type { SiteProfile } from '../../../shared/siteProfile';
import { err, ok, type Result } from '../../../shared/result';
import { createTelemetrySource } from '../adapters/createTelemetrySource';
import { SlurmClient } from '../adapters/slurm/slurmClient';
import type { AuditInput, AuditLog } from '../audit/auditLog';
import { exportFleetYaml, parseFleetYaml } from '../config/fleetYaml';
import { resolveSites } from '../config/resolveSites';
import { overlaySecrets } from '../config/overlaySecrets';
import type { SecretStore } from '../config/secretStore';
import type { SiteStore } from '../config/siteStore';
import type { FleetService } from '../fleet/fleetService';

export interface ConnectionCheck {
  check: string;
  ok: boolean;
  message: string;
}

type Actor = Pick<AuditInput, 'actor' | 'role'>;

/**
 * The site profiles the console runs on, and every change to them: validated, resolved (secrets,
 * CAs), persisted with write-then-rename, applied to the running fleet, and audited. While the demo
 * fleet runs, the first saved or imported site replaces it.
 */
export class SiteRegistry {
  private profiles: SiteProfile[];
  private demo: boolean;

  constructor(
    private readonly d: {
      store: SiteStore;
      secrets: SecretStore;
      fleet: FleetService;
      audit: AuditLog;
      initial: { demo: boolean; profiles: SiteProfile[] };
      onDemoEnd?: () => Promise<void>;
    },
  ) {
    this.profiles = d.initial.profiles;
    this.demo = d.initial.demo;
  }

  get isDemo(): boolean {
    return this.demo;
  }

  list(): SiteProfile[] {
    return this.profiles;
  }

  /**
   * Adds or replaces a profile. Secrets typed with it are checked together with it and stored only
   * if the whole save goes through, so a refused save leaves the secret store as it was.
   */
  async save(
    profile: SiteProfile,
    who: Actor,
    typedSecrets: Record<string, string> = {},
  ): Promise<Result<SiteProfile>> {
    if (this.demo && this.profiles.some((p) => p.id === profile.id))
      return err(
        'INVALID_REQUEST',
        `"${profile.id}" is a simulated demo site and cannot be edited. Add a site of your own (it replaces the demo fleet).`,
      );
    const [check] = await resolveSites([profile], overlaySecrets(this.d.secrets, typedSecrets));
    if (check!.unresolved) return err('CONFIG_INVALID', `${check!.unresolved}. Nothing was saved.`);
    for (const [name, value] of Object.entries(typedSecrets)) await this.setSecret(name, value, who, false);
    const base = this.demo ? [] : this.profiles;
    const exists = base.some((p) => p.id === profile.id);
    const next = exists ? base.map((p) => (p.id === profile.id ? profile : p)) : [...base, profile];
    const applied = await this.apply(next, new Set([profile.id]));
    if (!applied.ok) return applied;
    await this.d.audit.append({
      ...who,
      action: exists ? 'site.edit' : 'site.add',
      target: profile.id,
      params: { profile },
      outcome: 'ok',
    });
    return ok(profile);
  }

  async remove(id: string, who: Actor): Promise<Result<{ removed: string }>> {
    if (this.demo)
      return err('INVALID_REQUEST', 'The demo fleet has no saved sites to remove; add your own first.');
    if (!this.profiles.some((p) => p.id === id)) return err('NOT_FOUND', `No site with id "${id}".`);
    const applied = await this.apply(this.profiles.filter((p) => p.id !== id));
    if (!applied.ok) return applied;
    await this.d.audit.append({ ...who, action: 'site.remove', target: id, outcome: 'ok' });
    return ok({ removed: id });
  }

  async importYaml(
    text: string,
    mode: 'merge' | 'replace',
    who: Actor,
  ): Promise<Result<{ added: number; updated: number; removed: number }>> {
    const parsed = parseFleetYaml(text);
    if (!parsed.ok) return err('CONFIG_INVALID', `The YAML was not imported: ${parsed.errors.join('; ')}`);
    const incoming = parsed.value.sites;
    const base = this.demo ? [] : this.profiles;
    const byId = new Map(base.map((p) => [p.id, p]));
    let added = 0;
    let updated = 0;
    for (const p of incoming) {
      if (byId.has(p.id)) updated++;
      else added++;
      byId.set(p.id, p);
    }
    const ids = new Set(incoming.map((p) => p.id));
    const next = mode === 'replace' ? incoming : [...byId.values()];
    const removed = mode === 'replace' ? base.filter((p) => !ids.has(p.id)).length : 0;
    const applied = await this.apply(next, ids);
    if (!applied.ok) return applied;
    await this.d.audit.append({
      ...who,
      action: 'sites.import',
      params: { mode, added, updated, removed },
      outcome: 'ok',
    });
    return ok({ added, updated, removed });
  }

  exportYaml(): string {
    return exportFleetYaml(this.demo ? [] : this.profiles);
  }

  async setSecret(name: string, value: string, who: Actor, reapply = true): Promise<void> {
    await this.d.secrets.set(name, value);
    // The name only: a secret's value never reaches the log.
    await this.d.audit.append({ ...who, action: 'secret.set', target: name, outcome: 'ok' });
    if (reapply && !this.demo) await this.apply(this.profiles);
  }

  secretNames(): Promise<string[]> {
    return this.d.secrets.names();
  }

  /** Runs each configured adapter once against the profile as given, persisting nothing. */
  async test(
    profile: SiteProfile,
    typedSecrets: Record<string, string> = {},
    timeoutMs = 5000,
  ): Promise<ConnectionCheck[]> {
    const [t] = await resolveSites([profile], overlaySecrets(this.d.secrets, typedSecrets));
    if (t!.unresolved) return [{ check: 'profile', ok: false, message: t!.unresolved }];
    const source = createTelemetrySource(t!, { timeoutMs });
    const { reports, siteOutcome } = await source.poll(Date.now);
    const label = `telemetry (${t!.telemetry.kind === 'dcgm' ? 'dcgm-exporter' : 'Prometheus'})`;
    const checks: ConnectionCheck[] = [];
    if (siteOutcome && siteOutcome.kind !== 'ok')
      checks.push({ check: label, ok: false, message: siteOutcome.message });
    else {
      const good = reports.filter((r) => r.outcome.kind === 'ok');
      const gpus = good.reduce((n, r) => n + r.readings.length, 0);
      const bad = reports.filter((r) => r.outcome.kind !== 'ok');
      checks.push({
        check: label,
        ok: good.length > 0,
        message:
          good.length === 0
            ? reports.length === 0
              ? 'answered, but reports no GPU nodes (check the selector)'
              : `no node answered: ${bad[0]!.hostname}: ${(bad[0]!.outcome as { message: string }).message}`
            : `${good.length} node(s), ${gpus} GPU(s) answered` +
              (bad.length
                ? `; ${bad.length} did not (${bad[0]!.hostname}: ${(bad[0]!.outcome as { message: string }).message})`
                : ''),
      });
    }
    if (t!.scheduler && t!.schedulerToken) {
      const client = new SlurmClient(t!.scheduler.url, {
        user: t!.scheduler.user,
        token: t!.schedulerToken,
        timeoutMs,
        maxBytes: 16 * 1024 * 1024,
      });
      const [ping, nodes] = await Promise.all([client.ping(), client.nodes()]);
      checks.push(
        !ping.ok
          ? { check: 'scheduler (Slurm)', ok: false, message: ping.error.message }
          : !nodes.ok
            ? { check: 'scheduler (Slurm)', ok: false, message: nodes.error.message }
            : {
                check: 'scheduler (Slurm)',
                ok: true,
                message:
                  `slurmctld ${ping.value[0]?.release ?? ''} answered: ${nodes.value.length} node(s), ${nodes.value.reduce((n, x) => n + (x.gpusTotal ?? 0), 0)} GPU(s)`.replace(
                    '  ',
                    ' ',
                  ),
              },
      );
    }
    return checks;
  }

  /** Validates, persists and applies `next`; the sites in `changed` must resolve or nothing is saved. */
  private async apply(next: SiteProfile[], changed: ReadonlySet<string> = new Set()): Promise<Result<true>> {
    const resolved = await resolveSites(next, this.d.secrets);
    const broken = resolved.find((s) => changed.has(s.id) && s.unresolved);
    if (broken) return err('CONFIG_INVALID', `${broken.unresolved}. Nothing was saved.`);
    try {
      await this.d.store.save(next);
    } catch (e) {
      return err(
        'UNAVAILABLE',
        `Could not write ${this.d.store.path}: ${(e as Error).message}. Nothing was changed.`,
      );
    }
    const wasDemo = this.demo;
    this.profiles = next;
    this.demo = false;
    this.d.fleet.replaceSites(resolved);
    if (wasDemo) await this.d.onDemoEnd?.();
    return ok(true);
  }
}
