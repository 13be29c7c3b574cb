import { INVOLVEMENT_LEVELS, RINGS, type Contact, type Involvement, type Organisation, type Placement, type Ring } from '@shared/domain/partners';
import { levelRank, ringOf } from '@shared/domain/partner-rules';
import { useI18n } from '../../../i18n';
import { labelSpot, spread } from './geometry';
import { RING_INK } from './TeamRingView';

const C = 300;
const BAND: Record<Ring, { inner: number; outer: number }> = {
  binnenring: { inner: 62, outer: 160 },
  buitenring: { inner: 160, outer: 235 },
  invliegen: { inner: 235, outer: 296 },
};
const FILL: Record<Ring, string> = { binnenring: '#dcebfa', buitenring: '#e3f2e8', invliegen: '#fff4e0' };
/** Heavier involvement, thicker line: informeren → afstemmen → afwegen → doorzetten. */
const LINE = [1.5, 3, 5, 7.5];

type Props = Readonly<{
  involvements: readonly Involvement[];
  organisations: readonly Organisation[];
  contacts: readonly Contact[];
  placements: readonly Placement[];
}>;

/**
 * The household in the middle, the partners involved now around it, each in the ring its
 * organisation holds in the team; the line's weight shows the level of involvement.
 */
export function HouseholdRing({ involvements, organisations, contacts, placements }: Props) {
  const { t, tx } = useI18n();
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? t('team.org.unknown');
  const nodes = RINGS.flatMap((ring) => {
    const inRing = involvements.filter((i) => (ringOf(placements, i.organisationId) ?? 'invliegen') === ring);
    const band = BAND[ring];
    const points = spread(inRing.length, C, C, (band.inner + band.outer) / 2, { stagger: 12, gap: 0.7, phase: [0.5, 0.3, 0.7][RINGS.indexOf(ring)] ?? 0.5 });
    return inRing.map((inv, i) => ({ inv, ring, point: points[i] ?? { x: C, y: C, angle: 0 } }));
  });

  const describe = (inv: Involvement, ring: Ring) => {
    const contact = contacts.find((c) => c.id === inv.contactId);
    return t('team.hh.ringNode', {
      who: contact ? `${contact.name} (${orgName(inv.organisationId)})` : orgName(inv.organisationId),
      ring: tx(`team.ring.${ring}`),
      level: tx(`team.level.${inv.level}`),
    });
  };

  return (
    <figure className="hh-ring">
      <svg viewBox="-90 -10 780 620" className="hh-ring__svg" role="img" aria-labelledby="hh-ring-caption" data-ready="household-ring">
        {[...RINGS].reverse().map((r) => (
          <circle key={r} cx={C} cy={C} r={BAND[r].outer} fill={FILL[r]} stroke={r === 'invliegen' ? '#8a4b00' : '#9fb3c8'} strokeWidth={r === 'invliegen' ? 2 : 1.2} strokeDasharray={r === 'invliegen' ? '8 6' : undefined} />
        ))}
        <g className="hh-ring__caption">
          <text x={C} y={C + BAND.binnenring.outer - 12} textAnchor="middle">{tx('team.ring.binnenring')}</text>
          <text x={C} y={C + BAND.buitenring.outer - 12} textAnchor="middle">{tx('team.ring.buitenring')}</text>
          <text x={C} y={C + BAND.invliegen.outer - 12} textAnchor="middle">{tx('team.ring.invliegen')}</text>
        </g>
        {nodes.map(({ inv, point }) => (
          <line key={`l-${inv.id}`} x1={C} y1={C} x2={point.x} y2={point.y} stroke="#55606e" strokeOpacity={0.75} strokeWidth={LINE[levelRank(inv.level)] ?? 1.5} />
        ))}
        <circle cx={C} cy={C} r={56} fill="#12355b" />
        <text x={C} y={C + 7} textAnchor="middle" className="hh-ring__center">
          {t('team.hh.center')}
        </text>
        {nodes.map(({ inv, ring, point }) => {
          const contact = contacts.find((c) => c.id === inv.contactId);
          const spot = labelSpot(point, 13, contact?.name ?? orgName(inv.organisationId), { side: ring === 'buitenring', fontSize: 21, maxLine: 14 });
          return (
            <g key={inv.id}>
              <title>{describe(inv, ring)}</title>
              <circle cx={point.x} cy={point.y} r={13} fill={RING_INK[ring]} stroke="#fff" strokeWidth={3} />
              <text x={spot.x} y={spot.y} textAnchor={spot.anchor} className="hh-ring__label">
                {spot.lines.map((line, i) => (
                  <tspan key={i} x={spot.x} dy={i === 0 ? 0 : spot.lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="hh-ring-caption" className="visually-hidden">
        {nodes.length === 0 ? t('team.hh.ringEmpty') : t('team.hh.ringCaption', { list: nodes.map((n) => describe(n.inv, n.ring)).join('; ') })}
      </figcaption>
      <ul className="level-legend" aria-label={t('team.hh.levelLegend')}>
        {INVOLVEMENT_LEVELS.map((l, i) => (
          <li key={l}>
            <svg width="36" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="36" y2="6" stroke="#55606e" strokeWidth={LINE[i]} />
            </svg>{' '}
            {tx(`team.level.${l}`)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
