import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Organisation, Placement } from '@shared/domain/partners';
import { useI18n } from '../../../i18n';
import { POSITIONS, initials, labelBox, placeLabels, positionOf, spread, stepPosition, type LabelSpot, type Point, type Position } from './geometry';
import { SpotLabel } from './SpotLabel';

/** Band radii in the 1000×1000 drawing, from the table outwards. */
const C = 500;
const BANDS: Record<Position, { inner: number; outer: number }> = {
  binnenring: { inner: 0, outer: 215 },
  'buitenring:eerste': { inner: 215, outer: 320 },
  'buitenring:tweede': { inner: 320, outer: 410 },
  invliegen: { inner: 410, outer: 495 },
};
const FILL: Record<Position, string> = {
  binnenring: '#dcebfa',
  'buitenring:eerste': '#e3f2e8',
  'buitenring:tweede': '#eff7f0',
  invliegen: '#fff4e0',
};
/** Node colours, AA contrast against white labels' halo and the band fills. */
export const RING_INK: Record<'binnenring' | 'buitenring' | 'invliegen', string> = {
  binnenring: '#0b5cad',
  buitenring: '#1b6e3a',
  invliegen: '#8a4b00',
};
const inkOf = (pos: Position) => RING_INK[pos.startsWith('buitenring') ? 'buitenring' : (pos as 'binnenring' | 'invliegen')];

/** `number` is set when the band is too crowded for names: the node shows a number, the key below names it. */
export type PlacedOrg = Readonly<{ org: Organisation; placement: Placement; position: Position; point: Point & { angle: number }; spot?: LabelSpot | null; number?: number }>;
const LABEL_SIZE = 19;

const GAP = 0.55;
/** Below this much arc per node (drawing units) names no longer fit beside the nodes. */
const MIN_ARC: Record<Position, number> = { binnenring: 120, 'buitenring:eerste': 120, 'buitenring:tweede': 120, invliegen: 150 };

type Props = Readonly<{
  organisations: readonly Organisation[];
  placements: readonly Placement[];
  tableSize: number;
  selectedId: string | undefined;
  /** Open the move panel for an organisation, optionally with a target position (arrow keys). */
  onSelect: (organisationId: string, target?: Position) => void;
}>;

/** Each organisation's current placement (the newest, if an old one lingers). */
function latestPlacements(placements: readonly Placement[]): Map<string, Placement> {
  const latest = new Map<string, Placement>();
  for (const p of placements) {
    const cur = latest.get(p.organisationId);
    if (!cur || cur.updatedAt < p.updatedAt) latest.set(p.organisationId, p);
  }
  return latest;
}

/**
 * The team drawn as concentric rings: the table in the middle, the buitenring's two shells
 * around it and the invliegen ring outside. Each organisation is one focusable node (roving
 * tab stop): ←/→ go to the previous/next organisation, ↑/↓ propose a move inwards/outwards,
 * Enter or Space opens the move panel. A visually hidden list says the same in words.
 */
export function TeamRingView({ organisations, placements, tableSize, selectedId, onSelect }: Props) {
  const { t, tx } = useI18n();
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const nodeRefs = useRef(new Map<string, SVGGElement>());

  // The bands' captions (baseline y, text), drawn on the vertical axis below the table.
  const latest = useMemo(() => latestPlacements(placements), [placements]);
  const captionTexts = useMemo<[number, string][]>(() => {
    const n = (pos: Position) => [...latest.values()].filter((p) => positionOf(p) === pos).length;
    return [
      [C + BANDS['buitenring:eerste'].inner + 26, t('team.ring.captionEerste', { count: n('buitenring:eerste') })],
      [C + BANDS['buitenring:tweede'].inner + 26, t('team.ring.captionTweede', { count: n('buitenring:tweede') })],
      [C + BANDS.invliegen.inner + 26, t('team.ring.captionInvliegen', { count: n('invliegen') })],
    ];
  }, [latest, t]);

  const placed = useMemo<PlacedOrg[]>(() => {
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const out: Omit<PlacedOrg, 'number'>[] = [];
    const crowdedBand = new Set<Position>();
    for (const pos of POSITIONS) {
      const inBand = [...latest.values()]
        .filter((p) => positionOf(p) === pos && byId.has(p.organisationId))
        .sort((a, b) => (byId.get(a.organisationId)?.name ?? '').localeCompare(byId.get(b.organisationId)?.name ?? '', 'nl'));
      const band = BANDS[pos];
      // The table grows towards its rim as more organisations sit at it.
      const r = pos === 'binnenring' ? Math.min(165, 110 + inBand.length * 6) : (band.inner + band.outer) / 2;
      const crowded = inBand.length > 1 && (r * (2 * Math.PI - GAP)) / inBand.length < MIN_ARC[pos];
      // The bottom sector stays free for the band captions; each band has its own phase.
      const points = spread(inBand.length, C, C, r, { stagger: pos === 'binnenring' ? 18 : 14, gap: GAP, phase: [0.5, 0.3, 0.7, 0.45][POSITIONS.indexOf(pos)] ?? 0.5 });
      if (crowded) crowdedBand.add(pos);
      inBand.forEach((placement, i) => {
        const org = byId.get(placement.organisationId);
        const point = points[i];
        if (org && point) out.push({ org, placement, position: pos, point });
      });
    }
    // Names where they fit without running into another name or node; the others get a number
    // and are named in the key under the drawing (as are all of a band too crowded for names).
    const named = out.filter((n) => !crowdedBand.has(n.position));
    const captions = captionTexts.map(([y, text]) => labelBox({ x: C, y, anchor: 'middle', lines: [text], lineHeight: LABEL_SIZE }, LABEL_SIZE));
    const spots = placeLabels(
      named.map((n) => ({ point: n.point, name: n.org.name, side: n.position.startsWith('buitenring') })),
      16,
      LABEL_SIZE,
      captions,
    );
    const spotOf = new Map(named.map((n, i) => [n.org.id, spots[i] ?? null]));
    let number = 0;
    return out.map((n) => {
      const spot = spotOf.get(n.org.id) ?? null;
      return spot ? { ...n, spot } : { ...n, spot: null, number: ++number };
    });
  }, [organisations, latest, captionTexts]);

  const tabStop = focusId && placed.some((p) => p.org.id === focusId) ? focusId : placed[0]?.org.id;

  function focusNode(index: number) {
    const next = placed[(index + placed.length) % placed.length];
    if (!next) return;
    setFocusId(next.org.id);
    nodeRefs.current.get(next.org.id)?.focus();
  }

  function onKey(e: KeyboardEvent<SVGGElement>, index: number, node: PlacedOrg) {
    switch (e.key) {
      case 'ArrowRight':
        e.preventDefault();
        focusNode(index + 1);
        break;
      case 'ArrowLeft':
        e.preventDefault();
        focusNode(index - 1);
        break;
      case 'Home':
        e.preventDefault();
        focusNode(0);
        break;
      case 'End':
        e.preventDefault();
        focusNode(placed.length - 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        onSelect(node.org.id, stepPosition(node.position, -1));
        break;
      case 'ArrowDown':
        e.preventDefault();
        onSelect(node.org.id, stepPosition(node.position, 1));
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        onSelect(node.org.id);
        break;
    }
  }

  const counts = Object.fromEntries(POSITIONS.map((p) => [p, placed.filter((n) => n.position === p).length])) as Record<Position, number>;

  return (
    <div className="ring-view">
      <svg
        viewBox="-110 -10 1220 1020"
        className="ring-view__svg"
        role="group"
        aria-label={t('team.ring.svgLabel')}
        aria-describedby="ring-keys ring-list"
        data-ready="ring-view"
      >
        {[...POSITIONS].reverse().map((pos) => (
          <circle
            key={pos}
            cx={C}
            cy={C}
            r={BANDS[pos].outer}
            fill={FILL[pos]}
            stroke={pos === 'invliegen' ? '#8a4b00' : '#9fb3c8'}
            strokeWidth={pos === 'invliegen' ? 2.5 : 1.5}
            strokeDasharray={pos === 'invliegen' ? '10 8' : undefined}
          />
        ))}
        {/* Band captions sit on the vertical axis, clear of the nodes' first positions at the top. */}
        <g aria-hidden="true" className="ring-view__caption">
          <text x={C} y={C + BANDS['buitenring:eerste'].inner + 26} textAnchor="middle">
            {t('team.ring.captionEerste', { count: counts['buitenring:eerste'] })}
          </text>
          <text x={C} y={C + BANDS['buitenring:tweede'].inner + 26} textAnchor="middle">
            {t('team.ring.captionTweede', { count: counts['buitenring:tweede'] })}
          </text>
          <text x={C} y={C + BANDS.invliegen.inner + 26} textAnchor="middle">
            {t('team.ring.captionInvliegen', { count: counts.invliegen })}
          </text>
          <text x={C} y={C - 6} textAnchor="middle" className="ring-view__table">
            {t('team.ring.captionTable')}
          </text>
          <text x={C} y={C + 24} textAnchor="middle" className="ring-view__table-count">
            {t('team.ring.tablePeople', { count: tableSize })}
          </text>
        </g>
        {placed.map((node, index) => {
          const { org, point, position } = node;
          const selected = org.id === selectedId;
          const focused = org.id === focusId;
          const ink = inkOf(position);
          const spot = node.spot;
          return (
            <g
              key={org.id}
              ref={(el) => {
                if (el) nodeRefs.current.set(org.id, el);
                else nodeRefs.current.delete(org.id);
              }}
              role="button"
              tabIndex={org.id === tabStop ? 0 : -1}
              aria-label={t('team.ring.nodeLabel', { name: org.name, type: tx(`team.orgType.${org.type}`), ring: tx(`team.position.${position}`) })}
              aria-pressed={selected}
              data-org={org.id}
              data-position={position}
              className="ring-node"
              onFocus={() => setFocusId(org.id)}
              onBlur={() => setFocusId((f) => (f === org.id ? undefined : f))}
              onKeyDown={(e) => onKey(e, index, node)}
              onClick={() => {
                setFocusId(org.id);
                onSelect(org.id);
              }}
            >
              <title>{`${org.name} — ${node.placement.reason}`}</title>
              {focused || selected ? <circle cx={point.x} cy={point.y} r={25} fill="none" stroke={focused ? '#ffbf47' : '#1c2430'} strokeWidth={5} /> : null}
              <circle cx={point.x} cy={point.y} r={16} fill={ink} stroke="#fff" strokeWidth={3} />
              <text x={point.x} y={point.y + 5} textAnchor="middle" className={node.number ? 'ring-node__abbr ring-node__number' : 'ring-node__abbr'} aria-hidden="true">
                {node.number ?? (org.type === 'anders' ? initials(org.name) : tx(`team.orgAbbr.${org.type}`))}
              </text>
              {node.number || !spot ? null : (
                <SpotLabel spot={spot} className="ring-node__label" hidden />
              )}
            </g>
          );
        })}
      </svg>
      {placed.some((n) => n.number) ? (
        // A key for crowded bands, visible to all (the hidden list below already tells screen readers).
        <ol className="ring-key" aria-hidden="true">
          {placed.flatMap((n) =>
            n.number
              ? [
                  <li key={n.org.id} value={n.number}>
                    <span className={`legend-dot legend-dot--${n.position.startsWith('buitenring') ? 'buitenring' : n.position}`} /> {n.org.name}
                  </li>,
                ]
              : [],
          )}
        </ol>
      ) : null}
      <p id="ring-keys" className="muted ring-view__keys">
        {t('team.ring.keys')}
      </p>
      <div id="ring-list" className="visually-hidden">
        {POSITIONS.map((pos) => (
          <div key={pos}>
            <p>{t('team.ring.listHeading', { ring: tx(`team.position.${pos}`), count: counts[pos] })}</p>
            <ul>
              {placed
                .filter((n) => n.position === pos)
                .map((n) => (
                  <li key={n.org.id}>{t('team.ring.listItem', { name: n.org.name, reason: n.placement.reason })}</li>
                ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
