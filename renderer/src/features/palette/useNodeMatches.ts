import { useEffect, useState } from 'react';
import type { NodeRow } from '../../../../shared/nodes';
import { useClient } from '../../app/clientContext';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { MAX_NODE_MATCHES, nodeSearchText } from './matchActions';

/** Up to 10 nodes whose hostname (or site, model…) matches the typed text, from `nodes.list`. */
export function useNodeMatches(query: string, active: boolean): NodeRow[] {
  const client = useClient();
  const text = useDebouncedValue(active ? nodeSearchText(query) : null, 150);
  const [found, setFound] = useState<{ text: string; rows: NodeRow[] } | null>(null);

  useEffect(() => {
    if (text === null) return undefined;
    let live = true;
    void client
      .call('nodes.list', { query: { text, sort: 'hostname' }, offset: 0, limit: MAX_NODE_MATCHES })
      .then((r) => {
        if (live && r.ok) setFound({ text, rows: r.value.rows });
      });
    return () => {
      live = false;
    };
  }, [client, text]);

  return text !== null && found?.text === text ? found.rows : [];
}
