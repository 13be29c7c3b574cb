import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';

/** A quiet link on the empty household list to the example-data page. */
export function ExampleDataLink() {
  const { t } = useI18n();
  return (
    <p className="example-data__link">
      <a href={href('/voorbeeld')}>{t('synthetic.link')}</a>
    </p>
  );
}
