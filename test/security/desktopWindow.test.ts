/**
 * main/index.ts cannot run in tests (it needs the Electron binary), so this reads it: the window's
 * webPreferences are the hardened literals, and the handlers it installs for navigation, new windows,
 * webviews and permissions are the ones main/core/security/windowGuards.test.ts tests. The scanner
 * (electronegativity.test.ts) covers part of this; it cannot tell nodeIntegration: true under
 * sandbox: true, a missing will-navigate handler, or webviewTag, so those are pinned here.
 * main/preload.ts is read too: its scanner review (PRELOAD_JS_CHECK) rests on what is checked here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const read = (path: string) => {
  const file = fileURLToPath(new URL(`../../${path}`, import.meta.url));
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
};

function nodesOf<T extends ts.Node>(root: ts.Node, is: (n: ts.Node) => n is T): T[] {
  const found: T[] = [];
  const visit = (n: ts.Node) => {
    if (is(n)) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(root);
  return found;
}

const calls = (root: ts.Node) => nodesOf(root, ts.isCallExpression);
/** `a.b.method(...)` → 'method'; `fn(...)` → 'fn'. */
const calleeName = (c: ts.CallExpression) =>
  ts.isPropertyAccessExpression(c.expression)
    ? c.expression.name.text
    : ts.isIdentifier(c.expression)
      ? c.expression.text
      : '';
const argText = (c: ts.CallExpression, i: number) => c.arguments[i]?.getText();
const literal = (e: ts.Expression) =>
  e.kind === ts.SyntaxKind.TrueKeyword
    ? true
    : e.kind === ts.SyntaxKind.FalseKeyword
      ? false
      : ts.isStringLiteral(e)
        ? e.text
        : `<${e.getText()}>`;

describe('main/index.ts', () => {
  const index = read('main/index.ts');
  const windows = nodesOf(index, ts.isNewExpression).filter(
    (n) => n.expression.getText() === 'BrowserWindow',
  );

  it('creates one kind of window, with its options inline', () => {
    expect(windows).toHaveLength(1);
    expect(windows[0]!.arguments?.[0] && ts.isObjectLiteralExpression(windows[0]!.arguments[0])).toBe(true);
  });

  it('gives the window the hardened webPreferences, as literals', () => {
    const options = windows[0]!.arguments![0] as ts.ObjectLiteralExpression;
    const prefsProp = options.properties.find((p) => p.name?.getText() === 'webPreferences');
    expect(prefsProp && ts.isPropertyAssignment(prefsProp)).toBe(true);
    const prefs = (prefsProp as ts.PropertyAssignment).initializer;
    expect(ts.isObjectLiteralExpression(prefs)).toBe(true);
    const props = (prefs as ts.ObjectLiteralExpression).properties;
    expect(props.every(ts.isPropertyAssignment), 'no spread or shorthand in webPreferences').toBe(true);
    const values = Object.fromEntries(
      (props as ts.NodeArray<ts.PropertyAssignment>).map((p) => [p.name.getText(), literal(p.initializer)]),
    );
    expect(values).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    for (const forbidden of [
      'enableBlinkFeatures',
      'blinkFeatures',
      'additionalArguments',
      'enableRemoteModule',
    ])
      expect(values, forbidden).not.toHaveProperty(forbidden);
  });

  it('sandboxes every renderer', () => {
    expect(calls(index).some((c) => c.expression.getText() === 'app.enableSandbox')).toBe(true);
  });

  it.each([
    ['will-navigate', 'refuse'],
    ['will-redirect', 'refuse'],
    ['will-attach-webview', 'refuse'],
  ])('cancels %s with windowGuards.%s', (event, handler) => {
    const installed = calls(index).filter((c) => calleeName(c) === 'on' && argText(c, 0) === `'${event}'`);
    expect(installed.map((c) => argText(c, 1))).toEqual([handler]);
  });

  it('denies new windows with denyNewWindows, the one place openExternal is called', () => {
    const handlers = calls(index).filter((c) => calleeName(c) === 'setWindowOpenHandler');
    expect(handlers).toHaveLength(1);
    const handler = handlers[0]!.arguments[0]!;
    expect(ts.isCallExpression(handler) && calleeName(handler) === 'denyNewWindows').toBe(true);
    const openExternal = calls(index).filter((c) => calleeName(c) === 'openExternal');
    expect(openExternal).toHaveLength(1);
    let inside: ts.Node | undefined = openExternal[0];
    while (inside && inside !== handler) inside = inside.parent;
    expect(inside, 'shell.openExternal is reached only through denyNewWindows').toBe(handler);
  });

  it('answers permission requests and checks with the tested handlers', () => {
    const installed = (name: string) =>
      calls(index)
        .filter((c) => calleeName(c) === name)
        .map((c) => argText(c, 0));
    expect(installed('setPermissionRequestHandler')).toEqual(['permissionRequestHandler']);
    expect(installed('setPermissionCheckHandler')).toEqual(['permissionCheckHandler']);
  });

  it('takes those handlers from core/security/windowGuards', () => {
    const imports = nodesOf(index, ts.isImportDeclaration).filter(
      (i) => (i.moduleSpecifier as ts.StringLiteral).text === './core/security/windowGuards',
    );
    const names = imports.flatMap((i) => {
      const bindings = i.importClause?.namedBindings;
      return bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.getText()) : [];
    });
    expect(names.sort()).toEqual(
      ['denyNewWindows', 'permissionCheckHandler', 'permissionRequestHandler', 'refuse'].sort(),
    );
  });
});

describe('main/preload.ts', () => {
  const preload = read('main/preload.ts');

  it('exposes one object, never ipcRenderer itself', () => {
    const exposed = calls(preload).filter((c) => calleeName(c) === 'exposeInMainWorld');
    expect(exposed.map((c) => [argText(c, 0), argText(c, 1)])).toEqual([["'fleetConsole'", 'bridge']]);
    const passed = calls(preload).flatMap((c) => c.arguments.map((a) => a.getText()));
    expect(passed).not.toContain('ipcRenderer');
  });

  it('uses only the contract’s channels: call:<name>, subscribe:<name>, event:<name>', () => {
    const ipc = calls(preload).filter(
      (c) =>
        ts.isPropertyAccessExpression(c.expression) && c.expression.expression.getText() === 'ipcRenderer',
    );
    expect(ipc.length).toBeGreaterThan(0);
    for (const c of ipc) expect(argText(c, 0)).toMatch(/^`(call|subscribe|event):\$\{name\}`$/);
  });
});
