/**
 * The composition root of the desktop app (STYLE.md rule 5): build the core, make the window,
 * register the contract behind the IPC boundary. Everything else lives in main/core and runs
 * without Electron.
 */
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from './core/createCore';
import { registerIpcBoundary } from './ipcBoundary';
import { safeStorageSecrets } from './safeStorageSecrets';
import { version } from '../package.json';

const log = (msg: string) => console.error(msg);
let core: Core | null = null;

function createWindow(c: Core): void {
  const win = new BrowserWindow({
    width: 1600,
    height: 1000,
    backgroundColor: '#0b0f14',
    title: 'Fleet Console',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/preload.cjs'),
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

  // No new windows and no navigation away; http(s) links open in the system browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(fileIndex);
}

app.enableSandbox();
app.whenReady().then(async () => {
  // Deny every permission request (camera, geolocation…) but desktop notifications, which critical
  // alerts use (issue 4).
  session.defaultSession.setPermissionRequestHandler((_wc, perm, cb) => cb(perm === 'notifications'));
  session.defaultSession.setPermissionCheckHandler((_wc, perm) => perm === 'notifications');
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
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.on('window-all-closed', async () => {
  await core?.stop();
  if (process.platform !== 'darwin') app.quit();
});
