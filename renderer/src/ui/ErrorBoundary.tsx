import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * What may be logged about an error: its name ("TypeError", "DatabaseClosedError"), never its
 * message or stack — those can hold the values being shown or saved (a name, a BSN, a note).
 */
function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string') {
    return (error as { name: string }).name.slice(0, 80);
  }
  return typeof error;
}

function logErrorName(kind: string, error: unknown): void {
  // The one console line the renderer writes: an error's name, which carries no resident data.
  // eslint-disable-next-line no-console
  console.error(`Wijktafel: ${kind} (${errorName(error)})`);
}

/**
 * Root options for createRoot (main.tsx). React's defaults print the whole error, message and
 * all, to the console; these print its name only, for errors an ErrorBoundary caught and for
 * the ones nothing caught.
 */
export const rootErrorOptions = {
  onCaughtError: (error: unknown) => logErrorName('a screen failed to render', error),
  onUncaughtError: (error: unknown) => logErrorName('the app failed to render', error),
  onRecoverableError: (error: unknown) => logErrorName('React recovered from an error', error),
} as const;

type Props = Readonly<{
  children: ReactNode;
  /** The current route: when it changes, the screen under it is tried again. */
  resetKey: string;
  /** "Reload": the app passes its lock, which drops the keys and reloads; default a plain reload. */
  onReload?: () => void;
}>;

type State = Readonly<{ failed: boolean; resetKey: string }>;

/**
 * Catches a screen that throws while rendering, so the worker sees a Dutch message and a way
 * out instead of an empty window. It writes nothing: every save is one transaction that either
 * committed before the screen broke or did not happen at all, so there is nothing half-written
 * to repair. Logging is left to the root's onCaughtError (rootErrorOptions), name only.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Another route: the broken screen is gone, so show the new one.
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Deliberately empty: the root's onCaughtError logs the name; nothing else may see the error.
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <ScreenError onReload={this.props.onReload ?? (() => window.location.reload())} />;
  }
}

function ScreenError({ onReload }: Readonly<{ onReload: () => void }>) {
  const { t } = useI18n();
  const title = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the message, not on whatever had focus before.
  useEffect(() => title.current?.focus(), []);
  return (
    <div role="alert" className="gate__card" data-screen-error="true">
      <h1 ref={title} tabIndex={-1}>
        {t('common.screenErrorTitle')}
      </h1>
      <p>{t('common.screenErrorText')}</p>
      <p>{t('common.screenErrorWhatNow')}</p>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => window.history.back()}>
          {t('common.back')}
        </button>
        <button type="button" className="button" onClick={onReload}>
          {t('common.screenErrorReload')}
        </button>
      </div>
    </div>
  );
}
