import { INVOLVEMENT_LEVELS, RINGS, type Contact, type Involvement, type Organisation, type Placement, type Ring } from '@shared/domain/partners';
import { levelRank, ringOf } from '@shared/domain/partner-rules';
import { useI18n } from '../../../i18n';
import { labelSpot, placeLabels, spread } from './geometry';
import { RING_INK } from './TeamRingView';
import { SpotLabel } from './SpotLabel';

const C = 300;
const BAND: Record<Ring, { inner: number; outer: number }> = {
  binnenring: { inner: 62, outer: 160 },
  buitenring: { inner: 160, outer: 235 },
  invliegen: { inner: 235, outer: 296 },
};
const FILL: Record<Ring, string> = { binnenring: '#dcebfa', buitenring: '#e3f2e8', invliegen: '#fff4e0' };
/** An organisation without a ring placement: an open, dashed circle in this ink (AA on white). */
const UNPLACED_INK = '#55606e';
/** Heavier involvement, thicker line: informeren → afstemmen → afwegen → doorzetten. */
const LINE = [1.5, 3, 5, 7.5];

type Props = Readonly<{
  involvements: readonly Involvement[];
  organisations: readonly Organisation[];
  contacts: readonly Contact[];
  placements: readonly Placement[];
}>;

/** Where an involved organisation is drawn: its ring in the team, or 'unplaced' when it has none. */
export type RingSpot = Ring | 'unplaced';

/**
 * The involvements by where they are drawn. An organisation without a ring placement is treated
 * as outside the table (it needs consent, see checkPartnerAccess), so it is drawn in the outer
 * band — but as 'unplaced', never silently as invliegen. Within a band, placed ones come first.
 */
export function ringSpots(involvements: readonly Involvement[], placements: readonly Placement[]): { inv: Involvement; ring: Ring; spot: RingSpot }[] {
  const spotted = involvements.map((inv) => ({ inv, spot: (ringOf(placements, inv.organisationId) ?? 'unplaced') as RingSpot }));
  return RINGS.flatMap((ring) => {
    const inBand = spotted.filter((s) => (s.spot === 'unplaced' ? 'invliegen' : s.spot) === ring);
    return [...inBand.filter((s) => s.spot !== 'unplaced'), ...inBand.filter((s) => s.spot === 'unplaced')].map((s) => ({ ...s, ring }));
  });
}

/**
 * The household in the middle, the partners involved now around it, each in the ring its
 * organisation holds in the team; the line's weight shows the level of involvement. An
 * organisation not placed in any ring is drawn as an open, dashed circle and named below.
 */
export function HouseholdRing({ involvements, organisations, contacts, placements }: Props) {
  const { t, tx } = useI18n();
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? t('team.org.unknown');
  const spots = ringSpots(involvements, placements);
  const nodes = RINGS.flatMap((ring) => {
    const inRing = spots.filter((s) => s.ring === ring);
    const band = BAND[ring];
    const points = spread(inRing.length, C, C, (band.inner + band.outer) / 2, { stagger: 12, gap: 0.7, phase: [0.5, 0.3, 0.7][RINGS.indexOf(ring)] ?? 0.5 });
    return inRing.map((s, i) => ({ inv: s.inv, spot: s.spot, point: points[i] ?? { x: C, y: C, angle: 0 } }));
  });
  const unplaced = [...new Set(nodes.filter((n) => n.spot === 'unplaced').map((n) => orgName(n.inv.organisationId)))];
  const labelOf = (n: (typeof nodes)[number]) => contacts.find((c) => c.id === n.inv.contactId)?.name ?? orgName(n.inv.organisationId);
  // Labels kept clear of each other where they can be; a household has few partners, so a label
  // that fits nowhere is still drawn at its first place (there is no key to move it to).
  const placedLabels = placeLabels(
    nodes.map((n) => ({ point: n.point, name: labelOf(n), side: n.spot === 'buitenring' })),
    13,
    21,
  );

  const describe = (inv: Involvement, spot: RingSpot) => {
    const contact = contacts.find((c) => c.id === inv.contactId);
    return t('team.hh.ringNode', {
      who: contact ? `${contact.name} (${orgName(inv.organisationId)})` : orgName(inv.organisationId),
      ring: spot === 'unplaced' ? t('team.ring.notPlaced') : tx(`team.ring.${spot}`),
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
        {nodes.map((node, index) => {
          const { inv, spot: where, point } = node;
          const spot = placedLabels[index] ?? labelSpot(point, 13, labelOf(node), { side: where === 'buitenring', fontSize: 21, maxLine: 14 });
          return (
            <g key={inv.id} data-spot={where}>
              <title>{describe(inv, where)}</title>
              {where === 'unplaced' ? (
                <circle cx={point.x} cy={point.y} r={13} fill="#fff" stroke={UNPLACED_INK} strokeWidth={3} strokeDasharray="5 3" />
              ) : (
                <circle cx={point.x} cy={point.y} r={13} fill={RING_INK[where]} stroke="#fff" strokeWidth={3} />
              )}
              <SpotLabel spot={spot} className="hh-ring__label" />
            </g>
          );
        })}
      </svg>
      <figcaption id="hh-ring-caption" className="visually-hidden">
        {nodes.length === 0 ? t('team.hh.ringEmpty') : t('team.hh.ringCaption', { list: nodes.map((n) => describe(n.inv, n.spot)).join('; ') })}
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
      {unplaced.length > 0 ? (
        <p className="muted hh-ring__unplaced" data-testid="ring-unplaced">
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" fill="#fff" stroke={UNPLACED_INK} strokeWidth={2} strokeDasharray="3 2" />
          </svg>{' '}
          {t('team.hh.ringUnplaced', { list: unplaced.join(', ') })}
        </p>
      ) : null}
    </figure>
  );
}
