import { readFileSync } from 'node:fs';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { FaultProxy, type BodyKind, type FaultMode } from './faultProxy';
import type { HarnessCall, HarnessReply } from './faultHarness';

/**
 * The fault matrix's other side, in its own process (`node --import tsx`), so that serving simulated
 * sites, dripping and streaming 100 MB bodies never runs on the event loop whose lag the test measures:
 * that loop is the core's alone. Driven over IPC by faultHarness.ts.
 */
let servers: RunningSim | null = null;
const proxies = new Map<string, FaultProxy>();

const tlsOf = (t: { keyFile: string; certFile: string }) => ({
  key: readFileSync(t.keyFile, 'utf8'),
  cert: readFileSync(t.certFile, 'utf8'),
});

function proxy(name: string): FaultProxy {
  const p = proxies.get(name);
  if (!p) throw new Error(`no proxy named ${name}`);
  return p;
}

async function handle(c: HarnessCall): Promise<unknown> {
  switch (c.cmd) {
    case 'sim': {
      const sim = new SimFleet(c.args as { seed: number; sites: number; nodesPerSite: number });
      servers = await startSimServers(sim);
      return servers.manifest;
    }
    case 'proxy': {
      const a = c.args as {
        name: string;
        upstream: string;
        kind: BodyKind;
        bearer?: string;
        tls?: { keyFile: string; certFile: string };
        declareHugeLength?: boolean;
      };
      const p = await FaultProxy.start({
        upstream: a.upstream,
        kind: a.kind,
        bearer: a.bearer,
        tls: a.tls && tlsOf(a.tls),
        declareHugeLength: a.declareHugeLength,
      });
      proxies.set(a.name, p);
      return p.url;
    }
    case 'mode': {
      const a = c.args as { names: string[]; mode: FaultMode };
      await Promise.all(a.names.map((n) => proxy(n).setMode(a.mode)));
      return null;
    }
    case 'upstream': {
      const a = c.args as { name: string; url: string };
      proxy(a.name).setUpstream(a.url);
      return null;
    }
    case 'bearer': {
      const a = c.args as { name: string; token: string };
      proxy(a.name).setBearer(a.token);
      return null;
    }
    case 'cert': {
      const a = c.args as { name: string; keyFile: string; certFile: string };
      proxy(a.name).setCertificate(tlsOf(a));
      return null;
    }
    case 'served':
      return Object.fromEntries([...proxies].map(([n, p]) => [n, Object.fromEntries(p.served)]));
    case 'stop':
      await Promise.all([...proxies.values()].map((p) => p.close()));
      await servers?.stop();
      return null;
  }
}

process.on('message', (c: HarnessCall) => {
  handle(c).then(
    (value) => process.send!({ id: c.id, ok: true, value } satisfies HarnessReply),
    (e: unknown) =>
      process.send!({ id: c.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
// The test process went away (crashed, killed): do not linger.
process.on('disconnect', () => process.exit(0));
process.send!({ id: 0, ok: true, value: 'ready' } satisfies HarnessReply);
