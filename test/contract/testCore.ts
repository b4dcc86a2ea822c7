import { createClient, type FleetClient } from '../../shared/client';
import type { Role } from '../../shared/roles';
import { createInMemoryTransport } from '../../main/core/api/inMemoryTransport';
import { createCore, type Core, type CoreOptions } from '../../main/core/createCore';

/** The real core for a contract test: a demo fleet of the given shape, no Electron, no sockets. */
export async function startTestCore(o: Partial<CoreOptions> & Pick<CoreOptions, 'demo'>): Promise<Core> {
  const created = await createCore({
    shell: 'test',
    version: 't',
    configDir: null,
    intervalMs: 1000,
    log: () => undefined,
    ...o,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** A window on the core: its own session (in the given role) over an in-memory transport. */
export function windowOn(
  core: Core,
  role: Role = 'operator',
  profile = 'test',
): FleetClient & { session: ReturnType<Core['newSession']> } {
  const session = core.newSession(profile);
  session.role = role;
  return Object.assign(createClient(createInMemoryTransport(core.dispatch, core.events, { session })), {
    session,
  });
}
