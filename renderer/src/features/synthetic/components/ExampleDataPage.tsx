import { useEffect, useState } from 'react';
import { SIZES, type SyntheticSize } from '@shared/synthetic/sizes';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { Progress } from '../../../ui/Field';
import { isAlreadyLoaded, isExampleLoaded, useLoadExampleData } from '../mutations';

type Props = Readonly<{ size: SyntheticSize; seed: string }>;

export function ExampleDataPage({ size, seed }: Props) {
  const { t } = useI18n();
  const [progress, setProgress] = useState({ households: 0, total: SIZES[size].households });
  const [already, setAlready] = useState(false);
  const load = useLoadExampleData(setProgress);
  useEffect(() => {
    let live = true;
    void isExampleLoaded(seed).then((loaded) => live && setAlready(loaded));
    return () => {
      live = false;
    };
  }, [seed]);

  const state = load.isPending ? 'loading' : load.isSuccess ? 'done' : load.isError || already ? 'stopped' : 'idle';
  return (
    <section aria-labelledby="voorbeeld-title" className="example-data" data-ready="voorbeeld" data-state={state}>
      <h1 id="voorbeeld-title">{t('synthetic.title')}</h1>
      <p>{t('synthetic.intro')}</p>
      <p>{t('synthetic.synthetic')}</p>
      <p className="muted">{t('synthetic.encrypted')}</p>
      <p>{size === 'large' ? t('synthetic.sizeLarge', { households: SIZES.large.households }) : t('synthetic.sizeSmall', { households: SIZES.small.households })}</p>
      {load.isPending ? (
        <Progress label={t('synthetic.loading', { done: progress.households, total: progress.total })} value={progress.total ? progress.households / progress.total : 0} />
      ) : load.isSuccess ? (
        <p role="status" className="example-data__done">
          {t('synthetic.done', { households: load.data.households })}{' '}
          <a href={href('/households')}>{t('synthetic.toList')}</a>
        </p>
      ) : already || (load.isError && isAlreadyLoaded(load.error)) ? (
        <p role="status">
          {t('synthetic.already')} <a href={href('/households')}>{t('synthetic.toList')}</a>
        </p>
      ) : (
        <>
          {load.isError ? (
            <p role="alert" className="error">
              {t('synthetic.failed')}
            </p>
          ) : null}
          <button type="button" className="button" onClick={() => load.mutate({ size, seed })}>
            {t('synthetic.load')}
          </button>
        </>
      )}
    </section>
  );
}
