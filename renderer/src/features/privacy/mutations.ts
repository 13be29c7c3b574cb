import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppSettings } from '@shared/domain/team';
import type { AuditFilter } from '../../data/stores/audit/audit';
import { eraseHousehold } from '../../data/usecases/retention';
import { getAppSettings, saveAppSettings } from '../../data/stores/team/settings';
import { changePassphrase, disableKeystore, enableKeystore, rotateRecoveryKey } from '../../data/stores/vault/vault';
import { setIdleMinutes } from '../../app/useIdleLock';
import { platform } from '../../platform';
import { auditLogExport } from '../exports/kinds';
import { runExport } from '../exports/pipeline';
import { privacyKeys } from './queries';

async function updateAppSettings(change: Partial<Omit<AppSettings, 'id' | 'currentUserId'>>): Promise<AppSettings> {
  const current = await getAppSettings();
  if (!current) throw new Error('no app settings');
  const next = { ...current, ...change };
  await saveAppSettings(next);
  return next;
}

export function useSaveIdleMinutes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (minutes: number) => updateAppSettings({ idleMinutes: minutes }),
    onSuccess: async (s) => {
      setIdleMinutes(s.idleMinutes);
      await qc.invalidateQueries({ queryKey: privacyKeys.appSettings() });
    },
  });
}

export function useSetContentProtection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (enabled: boolean) => {
      const applied = await platform().setContentProtection(enabled);
      return updateAppSettings({ contentProtection: applied });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: privacyKeys.appSettings() });
    },
  });
}

export function useChangePassphrase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) => changePassphrase(current, next),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: privacyKeys.vault() });
    },
  });
}

export function useRotateRecoveryKey() {
  return useMutation({ mutationFn: (passphrase: string) => rotateRecoveryKey(passphrase) });
}

export function useKeystoreToggle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { enable: true; passphrase: string } | { enable: false }) => {
      const keystore = platform().keystore;
      if (!input.enable) return disableKeystore();
      if (!keystore) throw new Error('no keystore');
      const status = await keystore.status();
      if (!status.available) throw new Error('keystore unavailable');
      return enableKeystore(input.passphrase, keystore);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: privacyKeys.vault() });
    },
  });
}

export function useEraseHousehold() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mode, today }: { id: string; mode: 'delete' | 'anonymise'; today: string }) => eraseHousehold(id, mode, today),
    // A household is gone: every cached view of it (lists, search, case file, meetings) must go.
    onSuccess: async () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'privacy' });
      await qc.invalidateQueries();
    },
  });
}

/** CSV of the filtered audit log through the platform's save dialog; the export itself is audited. */
export function useExportAudit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      filter: AuditFilter;
      fileName: string;
      header: readonly [string, string, string, string, string, string];
      actorName: (id: string | undefined) => string;
    }) => {
      // The audit log's CSV through the one export pipeline: guard, load, render (the one CSV
      // writer), save through the platform, and its own audit entry.
      const spec = auditLogExport(input.filter, input.header, input.actorName, input.fileName.replace(/\.csv$/, ''));
      let count = 0;
      const { outcome } = await runExport(spec, 'csv', (entries) => {
        count = entries.length;
        return entries;
      });
      return { saved: outcome === 'saved', count };
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: [...privacyKeys.all, 'audit'] });
    },
  });
}
