// @vitest-environment happy-dom
/**
 * The ErrorBoundary around the routed screens (ui/ErrorBoundary.tsx, mounted in app/App.tsx):
 * a screen that throws while rendering shows a Dutch (or English) message with keyboard-reachable
 * ways out instead of a blank window, the rest of the app stays, and the console gets the
 * error's name only — never its message, which may hold a resident's data.
 */
import { act, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../renderer/src/i18n';
import { ErrorBoundary, rootErrorOptions } from '../../../renderer/src/ui/ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CANARY = 'Familie Jansen, Dorpsstraat 12';

class ScreenBrokeError extends Error {
  override name = 'ScreenBrokeError';
}

function Broken(): never {
  throw new ScreenBrokeError(`cannot render ${CANARY}`);
}

let container: HTMLElement;
let root: Root;
let logged: unknown[][];

beforeEach(() => {
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
  // The same root options as renderer/src/main.tsx: React's own report of a caught error goes through them.
  root = createRoot(container, rootErrorOptions);
  logged = [];
  for (const level of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  }
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

function render(ui: ReactNode): void {
  act(() => root.render(<I18nProvider>{ui}</I18nProvider>));
}

describe('ErrorBoundary', () => {
  it('shows the Dutch message and two keyboard-reachable buttons when a screen throws; the rest of the app stays', () => {
    render(
      <>
        <nav>menu</nav>
        <ErrorBoundary resetKey="households">
          <Broken />
        </ErrorBoundary>
      </>,
    );
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Er ging iets mis op dit scherm');
    expect(alert?.textContent).toContain('Er is niets van uw gegevens verloren gegaan');
    expect(container.querySelector('nav')?.textContent).toBe('menu');
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Terug', 'Opnieuw laden']);
    for (const b of buttons) {
      expect(b.type).toBe('button');
      expect(b.disabled).toBe(false);
      expect(b.tabIndex).toBe(0);
    }
    // Keyboard and screen-reader users land on the message, not somewhere behind it.
    expect(document.activeElement?.textContent).toBe('Er ging iets mis op dit scherm');
  });

  it('logs the error name only, never its message', () => {
    render(
      <ErrorBoundary resetKey="households">
        <Broken />
      </ErrorBoundary>,
    );
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    const text = logged.map((args) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message} ${a.stack ?? ''}` : String(a))).join(' ')).join('\n');
    expect(text).toContain('ScreenBrokeError');
    expect(text).not.toContain('Familie Jansen');
    expect(text).not.toContain('Dorpsstraat');
    expect(logged.flat().some((a) => a instanceof Error)).toBe(false);
  });

  it('speaks English when the user chose English', () => {
    localStorage.setItem('wijktafel.lang', 'en');
    render(
      <ErrorBoundary resetKey="households">
        <Broken />
      </ErrorBoundary>,
    );
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Something went wrong on this screen');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Back', 'Reload']);
  });

  it('"Opnieuw laden" runs the reload the app passes in (its lock)', () => {
    const onReload = vi.fn();
    render(
      <ErrorBoundary resetKey="households" onReload={onReload}>
        <Broken />
      </ErrorBoundary>,
    );
    const reload = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Opnieuw laden');
    act(() => reload?.click());
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('shows the screen again once the route changes', () => {
    let go: (route: string) => void = () => undefined;
    function Harness() {
      const [route, setRoute] = useState('broken');
      go = setRoute;
      return <ErrorBoundary resetKey={route}>{route === 'broken' ? <Broken /> : <p>list</p>}</ErrorBoundary>;
    }
    render(<Harness />);
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    act(() => go('households'));
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.textContent).toBe('list');
  });

  it('renders its children untouched when nothing throws', () => {
    render(
      <ErrorBoundary resetKey="households">
        <p>list</p>
      </ErrorBoundary>,
    );
    expect(container.innerHTML).toBe('<p>list</p>');
  });
});
