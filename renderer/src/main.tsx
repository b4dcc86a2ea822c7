// styles.css is linked from index.html (see the comment there), not imported here.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickTransport } from './transport/pickTransport';
import { useAppStore } from './store/appStore';
import { startFeed, type Feed } from './app/feed';
import { areaFromHash } from './app/areas';
import { ClientContext } from './app/clientContext';
import { App } from './app/App';

const initialArea = areaFromHash(window.location.hash);
if (initialArea) useAppStore.getState().setArea(initialArea);

// The transport is chosen once, here; it may report its state before the feed exists (IPC is open at once).
let feed: Feed | null = null;
const { client } = pickTransport((state) => {
  if (feed) feed.onTransportState(state);
  else useAppStore.getState().setConnection(state);
});
feed = startFeed(client);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <App />
    </ClientContext.Provider>
  </StrictMode>,
);
