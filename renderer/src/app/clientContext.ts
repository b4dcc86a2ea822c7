import { createContext, useContext } from 'react';
import type { FleetClient } from '../../../shared/client';

/** The contract client, chosen once at start-up; components never learn which transport is behind it. */
export const ClientContext = createContext<FleetClient | null>(null);

export function useClient(): FleetClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
}
