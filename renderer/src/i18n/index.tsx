import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as backup from './messages/backup';
import * as casefile from './messages/casefile';
import * as common from './messages/common';
import * as feedback from './messages/feedback';
import * as households from './messages/households';
import * as meeting from './messages/meeting';
import * as privacy from './messages/privacy';
import * as synthetic from './messages/synthetic';
import * as team from './messages/team';
import * as validation from './messages/validation';
import * as vault from './messages/vault';

/**
 * Message catalogues, one module per feature, each with `nl` (default) and `en` of the same
 * shape (the type checker enforces it). When adding a feature: add its module here.
 * No user-visible string lives in components.
 */
const catalogues = { backup, casefile, common, feedback, households, meeting, privacy, synthetic, team, validation, vault };

type Catalogues = typeof catalogues;
export type MessageKey = {
  [N in keyof Catalogues]: `${N & string}.${keyof Catalogues[N]['nl'] & string}`;
}[keyof Catalogues];

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Vars = Readonly<Record<string, string | number>>;

export function translate(lang: Language, key: string, vars?: Vars): string {
  const dot = key.indexOf('.');
  const ns = key.slice(0, dot) as keyof Catalogues;
  const name = key.slice(dot + 1);
  const cat = catalogues[ns] as { nl: Record<string, string>; en: Record<string, string> } | undefined;
  const text = cat?.[lang][name] ?? cat?.nl[name] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, v: string) => (v in vars ? String(vars[v]) : m));
}

export type T = (key: MessageKey, vars?: Vars) => string;

type I18n = { lang: Language; setLang: (l: Language) => void; t: T; tx: (key: string, vars?: Vars) => string };
const I18nContext = createContext<I18n | null>(null);

const STORAGE_KEY = 'wijktafel.lang'; // a UI preference, not resident data

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: Readonly<{ children: ReactNode }>) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = useCallback((l: Language) => {
    setLangState(l);
    globalThis.localStorage?.setItem(STORAGE_KEY, l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      // For keys built at run time (enum values, zod message keys); falls back to the key.
      tx: (key, vars) => translate(lang, key, vars),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('I18nProvider missing');
  return ctx;
}
