import type { Assessment } from '@shared/domain/casefile';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';

const W = 220;
const H = 64;
const PAD = 8;
const LEFT = 18;

/** 1–2 is worrying, 3 is fragile, 4–5 is doing well: the colour of a score dot. */
export function scoreTone(score: number): 'low' | 'mid' | 'high' {
  return score <= 2 ? 'low' : score === 3 ? 'mid' : 'high';
}

/**
 * The trend of one life domain's scores, oldest to newest, drawn (people would rather look than
 * read). Points are placed by date; the picture is described in words for screen readers.
 */
export function Sparkline({ label, history }: Readonly<{ label: string; history: readonly Assessment[] }>) {
  const { t } = useI18n();
  const dates = useDates();
  if (history.length === 0) return null;
  const times = history.map((a) => Date.parse(`${a.date}T00:00:00Z`));
  const first = times[0] ?? 0;
  const span = (times[times.length - 1] ?? first) - first;
  const x = (i: number) =>
    history.length === 1
      ? (LEFT + W - PAD) / 2
      : span > 0
        ? LEFT + (((times[i] ?? first) - first) / span) * (W - LEFT - PAD)
        : LEFT + (i / (history.length - 1)) * (W - LEFT - PAD);
  const y = (score: number) => PAD + ((5 - score) / 4) * (H - 2 * PAD);
  const points = history.map((a, i) => `${x(i).toFixed(1)},${y(a.score).toFixed(1)}`).join(' ');
  const words = history.map((a) => t('casefile.trendPoint', { score: a.score, date: dates.date(a.date) })).join(', ');
  return (
    <svg className="cf-sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} preserveAspectRatio="xMinYMid meet" role="img" aria-label={t('casefile.trendLabel', { domain: label, scores: words })}>
      {[1, 2, 3, 4, 5].map((s) => (
        <line key={s} x1={LEFT} x2={W - PAD} y1={y(s)} y2={y(s)} className={s === 3 ? 'cf-sparkline__mid' : 'cf-sparkline__grid'} />
      ))}
      {[1, 5].map((s) => (
        <text key={s} x={LEFT - 6} y={y(s)} className="cf-sparkline__axis" textAnchor="end" dominantBaseline="middle" aria-hidden="true">
          {s}
        </text>
      ))}
      {history.length > 1 ? <polyline points={points} className="cf-sparkline__line" fill="none" /> : null}
      {history.map((a, i) => (
        <circle key={a.id} cx={x(i)} cy={y(a.score)} r={i === history.length - 1 ? 5.5 : 4} className={`cf-sparkline__dot cf-sparkline__dot--${scoreTone(a.score)}`} />
      ))}
    </svg>
  );
}
