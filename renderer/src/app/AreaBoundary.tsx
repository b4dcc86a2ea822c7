import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * Around the current area: one that cannot load its chunk (the served console stopped, the build
 * replaced under a running window) or fails to render says so in its place, and the header, the
 * navigation, the status bar and the terminal prompts stay up. App keys it by area.
 */
export class AreaBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <p className="inline-notice" role="alert">
        This area could not be shown: {this.state.error.message}. Reload the window (Ctrl+R) to try again.
      </p>
    );
  }
}
