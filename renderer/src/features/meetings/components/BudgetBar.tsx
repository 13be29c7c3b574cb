import { useI18n } from '../../../i18n';

/** The agenda's planned minutes against the meeting's length, drawn: a coordinator sees "too full" at a glance. */
export function BudgetBar({ planned, length }: Readonly<{ planned: number; length: number }>) {
  const { t } = useI18n();
  const max = Math.max(planned, length, 1);
  const w = 400;
  const fill = (Math.min(planned, length) / max) * w;
  const over = planned > length ? ((planned - length) / max) * w : 0;
  const mark = (length / max) * w;
  return (
    <div className="mt-budget">
      <svg viewBox={`0 0 ${w} 20`} width="100%" height="20" role="img" aria-label={t('meeting.budget', { planned, length })}>
        <rect x="0" y="2" width={w} height="16" rx="4" fill="#e6ebf1" />
        <rect x="0" y="2" width={fill} height="16" rx="4" fill="#1b6e3a" />
        {over > 0 ? <rect x={fill} y="2" width={over} height="16" fill="#a4161a" /> : null}
        <line x1={mark} x2={mark} y1="0" y2="20" stroke="#1c2430" strokeWidth="2" />
      </svg>
      <p className={planned > length ? 'mt-budget__over' : 'mt-budget__ok'} role="status" data-testid="budget">
        {planned > length ? t('meeting.budgetOver', { planned, length, over: planned - length }) : t('meeting.budget', { planned, length })}
      </p>
    </div>
  );
}
