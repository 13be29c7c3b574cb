import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getAppSettings } from '../data/stores/team/settings';
import { openStore } from '../data/stores/vault/vault';
import { RestoreOffer } from '../features/backup/components/RestoreOffer';
import { reportQuotaError, useStorageWatch } from '../features/backup/storageWatch';
import { useAutoBackup } from '../features/backup/useAutoBackup';
import { useCaseFileRefsSync } from '../features/households/queries';
import { HouseholdSectionsProvider } from '../features/households/sections';
import { TeamSetupBanner } from '../features/team/components/TeamSetupBanner';
import { SetupScreen } from '../features/vault/SetupScreen';
import { UnlockScreen } from '../features/vault/UnlockScreen';
import { I18nProvider, useI18n } from '../i18n';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { isQuotaError } from '../ui/errors';
import { lockNow } from './lock';
import { markStoreInUse, storeWasInUse } from './storeMarker';
import { useRouteKey } from './router';
import { HOUSEHOLD_SECTIONS, Routes, useNav } from './Routes';
import { Shell } from './Shell';

type Gate = 'checking' | 'setup' | 'locked' | 'unlocked' | 'newer-db' | 'storage-error';

const queryClient = new QueryClient({
  // Every failed save, whichever feature made it: a full disk is told app-wide (StorageBanner),
  // next to the feature's own message, so it is never hidden behind "that did not work".
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isQuotaError(error)) reportQuotaError();
    },
  }),
  defaultOptions: {
    // Local data, local writes: nothing to refetch on focus and nothing to retry over a network.
    // gcTime 0: a query's decrypted records leave memory as soon as no screen shows them (a
    // household's file, once the worker moved on), instead of lingering for minutes. Reading them
    // again costs milliseconds. The few working sets kept for the whole session (the case list,
    // reference data) say so where they are defined.
    // networkMode 'always': nothing here needs a network, so the browser going offline (a
    // buurtcentrum without Wi-Fi) must not pause reads and saves, as react-query's default does.
    queries: { retry: false, refetchOnWindowFocus: false, gcTime: 0, networkMode: 'always' },
    // The same for writes: a finished mutation holds what was typed and the decrypted record it
    // returned; it is dropped when its form is gone, not kept for react-query's default 5 minutes.
    mutations: { retry: false, gcTime: 0, networkMode: 'always' },
  },
});

function Unlocked() {
  const nav = useNav();
  const [idleMinutes, setIdleMinutes] = useState(5);
  useAutoBackup();
  useStorageWatch();
  useCaseFileRefsSync();
  useEffect(() => {
    void getAppSettings().then((s) => s && setIdleMinutes(s.idleMinutes));
  }, []);
  return (
    <Shell nav={nav} idleMinutes={idleMinutes}>
      <TeamSetupBanner />
      <HouseholdSectionsProvider sections={HOUSEHOLD_SECTIONS}>
        <RoutedContent />
      </HouseholdSectionsProvider>
    </Shell>
  );
}

/**
 * The routed screen inside an ErrorBoundary: a screen that throws shows a Dutch message in its
 * place, with the menu still there; any other address tries again. "Opnieuw laden" locks (drops the
 * keys, writes the lock to the audit log, reloads), as the lock button does.
 */
function RoutedContent() {
  // The whole address, so 'Terug' to the same page without its ?focus= tries the screen again too.
  const route = useRouteKey();
  return (
    <ErrorBoundary resetKey={route} onReload={() => lockNow('manual')}>
      <Routes />
    </ErrorBoundary>
  );
}

function takeLockNotice(): string | null {
  try {
    const reason = sessionStorage.getItem('wijktafel.lockReason');
    sessionStorage.removeItem('wijktafel.lockReason');
    return reason;
  } catch {
    return null;
  }
}

/**
 * Right after the app (or the computer) went down hard, Chromium sometimes cannot open the store
 * for a moment: the crash soak (tests/e2e/reliability-crash.spec.ts) saw it about once in a
 * hundred relaunches. So a failed open is tried again a few times, a little longer apart each
 * time (about 4 s in all), before the storage error is shown; its "Opnieuw proberen" starts the
 * same round again. A newer database is refused at once: trying again cannot change that.
 */
const OPEN_RETRY_DELAYS_MS = [250, 500, 1000, 2000];

async function openStoreRetrying(live: () => boolean): ReturnType<typeof openStore> {
  for (let i = 0; ; i++) {
    try {
      return await openStore();
    } catch (e) {
      const delay = OPEN_RETRY_DELAYS_MS[i];
      if ((e instanceof Error && e.name === 'VersionError') || delay === undefined || !live()) throw e;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function VaultGate() {
  const { t } = useI18n();
  const [gate, setGate] = useState<Gate>('checking');
  const [lockReason] = useState(takeLockNotice);
  // Each "Opnieuw proberen" on the storage error opens the store again (e.g. once the app that
  // still held it after a crash has ended).
  const [attempt, setAttempt] = useState(0);
  // An empty store where this profile held one before: the store was lost, not a first run.
  const [lost, setLost] = useState(false);

  useEffect(() => {
    document.body.dataset.gate = gate;
    if (gate === 'unlocked') markStoreInUse();
  }, [gate]);

  useEffect(() => {
    let live = true;
    openStoreRetrying(() => live)
      .then((state) => {
        if (!live) return;
        setLost(state !== 'locked' && storeWasInUse());
        setGate(state === 'locked' ? 'locked' : 'setup');
      })
      .catch((e: unknown) => {
        // A database made by a newer app version is refused by Dexie before anything is written.
        if (live) setGate(e instanceof Error && e.name === 'VersionError' ? 'newer-db' : 'storage-error');
      });
    return () => {
      live = false;
    };
  }, [attempt]);

  switch (gate) {
    case 'checking':
      return <p className="gate">{t('common.loading')}</p>;
    case 'setup':
      return (
        <>
          {lost ? (
            <section className="gate__card gate__card--warning" aria-labelledby="store-lost-title" data-ready="store-lost">
              <h2 id="store-lost-title">{t('vault.storeLostTitle')}</h2>
              <p role="alert">{t('vault.storeLost')}</p>
            </section>
          ) : null}
          <SetupScreen onDone={() => setGate('unlocked')} />
          <RestoreOffer />
        </>
      );
    case 'locked':
      return <UnlockScreen onUnlocked={() => setGate('unlocked')} notice={lockReason === 'idle' || lockReason === 'os' ? t('vault.lockedNotice') : undefined} />;
    case 'unlocked':
      return <Unlocked />;
    case 'newer-db':
      return <main className="gate" id="main"><p role="alert" className="gate__card">{t('vault.newerDatabase')}</p></main>;
    case 'storage-error':
      return (
        <main className="gate" id="main">
          <div className="gate__card">
            <p role="alert">{t('vault.storageErrorStart')}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setGate('checking');
                setAttempt((n) => n + 1);
              }}
            >
              {t('vault.retryOpen')}
            </button>
          </div>
        </main>
      );
  }
}

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <VaultGate />
      </QueryClientProvider>
    </I18nProvider>
  );
}
