/**
 * The composition root of the desktop app (STYLE.md rule 5): build the core, make the window,
 * register the contract behind the IPC boundary. Everything else lives in main/core and runs
 * without Electron.
 */
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from './core/createCore';
import { scrapeWorkerFile } from './core/ingest/scrapeWorkerFile';
import {
  denyNewWindows,
  permissionCheckHandler,
  permissionRequestHandler,
  refuse,
} from './core/security/windowGuards';
import { registerIpcBoundary } from './ipcBoundary';
import { safeStorageSecrets } from './safeStorageSecrets';
import { version } from '../package.json';

const log = (msg: string) => console.error(msg);
let core: Core | null = null;

function createWindow(c: Core): void {
  // Options written inline, never built elsewhere: test/security/electronegativity.test.ts scans this file
  // and the scanner sees only literal options.
  const win = new BrowserWindow({
    width: 1600,
    height: 1000,
    backgroundColor: '#0b0f14',
    title: 'Fleet Console',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/preload.cjs'), // eng-disable PRELOAD_JS_CHECK -- our own preload (main/preload.ts): one function per contract entry, no generic IPC
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link (auxclick) must not be another way to open a window or navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const fileIndex = join(__dirname, '../renderer/index.html');
  const allowed = { origins: devUrl ? [new URL(devUrl).origin] : [], fileIndex };
  const session = c.newSession();
  const offBoundary = registerIpcBoundary({
    window: win,
    dispatch: c.dispatch,
    events: c.events,
    session,
    allowed,
    log,
  });
  win.on('closed', () => {
    offBoundary();
    c.terminals.closeAllOf(session);
  });

  // No new windows and no navigation away (core/security/windowGuards.ts); a link the renderer opens goes
  // to the system browser only as the href externalUrl() returned for it.
  win.webContents.setWindowOpenHandler(denyNewWindows((href) => void shell.openExternal(href))); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only hrefs externalUrl() accepted: http(s), no credentials
  win.webContents.on('will-navigate', refuse);
  win.webContents.on('will-redirect', refuse);
  win.once('ready-to-show', () => win.show());
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(fileIndex);
}

app.enableSandbox();
app.whenReady().then(async () => {
  // Deny every permission request (camera, geolocation…) but desktop notifications, which critical
  // alerts use (issue 4).
  session.defaultSession.setPermissionRequestHandler(permissionRequestHandler);
  session.defaultSession.setPermissionCheckHandler(permissionCheckHandler);
  const created = await createCore({
    shell: 'desktop',
    version,
    configDir: app.getPath('userData'),
    secrets: safeStorageSecrets(app.getPath('userData')),
    intervalMs: 5000,
    // Packaged: electron-builder's extraResources; from a checkout: the repository's resources/.
    resourcesDir: app.isPackaged
      ? join(process.resourcesPath, 'resources')
      : join(app.getAppPath(), 'resources'),
    scrapeWorker: scrapeWorkerFile(__dirname),
    log,
  });
  if (!created.ok) {
    dialog.showErrorBox('Fleet Console cannot start', created.error.message);
    app.exit(2);
    return;
  }
  core = created.value;
  createWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) createWindow(core);
  });
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', refuse);
});

app.on('window-all-closed', async () => {
  await core?.stop();
  if (process.platform !== 'darwin') app.quit();
});
