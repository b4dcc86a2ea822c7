import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TerminalPrompt } from '../../../../shared/terminal';
import { useTerminalController } from './terminalContext';
import { hostKeyFingerprintLine, hostKeyQuestion, secretLabel } from './terminalText';

interface Props {
  prompt: TerminalPrompt;
  /** The title of the terminal that asks. */
  title: string;
}

/**
 * The core asks this window something while it connects: trust an unknown host key, or a password,
 * key passphrase or keyboard-interactive answer for one hop. A modal <dialog> (focus stays inside,
 * Escape cancels, focus returns to where it was). Typed secrets live only in this component's state,
 * are cleared as they are sent, and never reach the store.
 */
export function PromptDialog({ prompt, title }: Props) {
  const controller = useTerminalController();
  const ref = useRef<HTMLDialogElement>(null);
  const answered = useRef(false);
  const id = useId();
  const [values, setValues] = useState<string[]>(() => prompt.prompts.map(() => ''));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // A host key is refused by default: Cancel has the focus, trusting is a deliberate move.
    (
      dialog.querySelector<HTMLElement>('input') ?? dialog.querySelector<HTMLElement>('[data-default]')
    )?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const send = (a: { trust?: boolean; answers?: string[] }) => {
    if (answered.current) return;
    answered.current = true;
    setValues((v) => v.map(() => ''));
    void controller.answer(prompt, a);
  };
  const cancel = () => send(prompt.kind === 'host-key' ? { trust: false } : {});

  const onClose = () => {
    // Escape closes a modal dialog natively. In development StrictMode re-opens the dialog right after a
    // test close, so a close event that finds it open again is stale.
    if (!ref.current?.open) cancel();
  };

  if (prompt.kind === 'host-key') {
    return (
      <dialog
        ref={ref}
        className="modal prompt-modal"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-question ${id}-fingerprint`}
        data-testid="hostkey-prompt"
        onClose={onClose}
      >
        <div className="modal-form">
          <h2 id={`${id}-title`} className="modal-title">
            Unknown host key
          </h2>
          <p className="modal-context">
            Terminal <span className="mono">{title}</span>
          </p>
          <p id={`${id}-question`} className="prompt-text">
            {hostKeyQuestion(prompt)}
          </p>
          <p id={`${id}-fingerprint`} className="prompt-text prompt-fingerprint mono">
            {hostKeyFingerprintLine(prompt)}
          </p>
          <p className="modal-intro">
            Compare it with the fingerprint the host&apos;s administrator gives you (on the host:{' '}
            <code className="mono">ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code>). Trusting stores
            the key in the console&apos;s known_hosts; no password or key is sent before you decide.
          </p>
          <div className="modal-actions">
            <button type="button" className="button" data-default onClick={cancel}>
              Cancel
            </button>
            <button type="button" className="button is-primary" onClick={() => send({ trust: true })}>
              Trust and connect
            </button>
          </div>
        </div>
      </dialog>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send({ answers: values });
  };
  const heading =
    prompt.kind === 'password'
      ? 'Password needed'
      : prompt.kind === 'passphrase'
        ? 'Key passphrase needed'
        : 'The server asks';

  return (
    <dialog
      ref={ref}
      className="modal prompt-modal"
      aria-labelledby={`${id}-title`}
      data-testid="secret-prompt"
      onClose={onClose}
    >
      <form className="modal-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="modal-title">
          {heading}
        </h2>
        <p className="modal-context">
          Terminal <span className="mono">{title}</span> ·{' '}
          <span className="mono">{`${prompt.host}:${prompt.port}`}</span>
        </p>
        {prompt.prompts.length === 0 && (
          <p className="modal-intro">The server asks nothing more: continue.</p>
        )}
        {prompt.prompts.map((p, i) => {
          const label = secretLabel(prompt.kind, p.prompt, i);
          // The core's own wording ("Password for root@10.0.0.1") describes the input when it says more.
          const described = p.prompt.trim() !== '' && p.prompt.trim().replace(/:$/, '') !== label;
          return (
            <div className="field" key={i}>
              <label htmlFor={`${id}-${i}`}>{label}</label>
              <input
                id={`${id}-${i}`}
                type={p.echo ? 'text' : 'password'}
                className={p.echo ? 'mono' : undefined}
                value={values[i] ?? ''}
                maxLength={4096}
                onChange={(e) => {
                  const v = e.target.value;
                  setValues((old) => old.map((x, j) => (j === i ? v : x)));
                }}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={described ? `${id}-${i}-hint` : undefined}
              />
              {described && (
                <p className="hint" id={`${id}-${i}-hint`}>
                  {p.prompt}
                </p>
              )}
            </div>
          );
        })}
        <p className="hint">Used once for this connection; never stored.</p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="button is-primary">
            Continue
          </button>
        </div>
      </form>
    </dialog>
  );
}
