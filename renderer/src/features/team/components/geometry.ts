import type { Placement, Ring, Shell } from '@shared/domain/partners';

/**
 * Where an organisation sits, as one value: the buitenring has two shells, drawn as two bands.
 * Ordered from the table outwards; moving "in" or "out" steps through this list.
 */
export const POSITIONS = ['binnenring', 'buitenring:eerste', 'buitenring:tweede', 'invliegen'] as const;
export type Position = (typeof POSITIONS)[number];

export function positionOf(p: Pick<Placement, 'ring' | 'shell'> | undefined): Position | undefined {
  if (!p) return undefined;
  if (p.ring === 'buitenring') return p.shell === 'tweede' ? 'buitenring:tweede' : 'buitenring:eerste';
  return p.ring;
}

export function splitPosition(pos: Position): { ring: Ring; shell?: Shell } {
  if (pos === 'buitenring:eerste') return { ring: 'buitenring', shell: 'eerste' };
  if (pos === 'buitenring:tweede') return { ring: 'buitenring', shell: 'tweede' };
  return { ring: pos };
}

export function stepPosition(pos: Position, step: -1 | 1): Position {
  const i = POSITIONS.indexOf(pos) + step;
  return POSITIONS[Math.max(0, Math.min(POSITIONS.length - 1, i))] ?? pos;
}

export type Point = Readonly<{ x: number; y: number }>;

/**
 * Spread n items evenly on a circle, clockwise from the bottom, leaving a free sector of `gap`
 * radians at the bottom for the ring's caption. `phase` (0–1) shifts a band's items so that
 * neighbouring bands do not line up on one spoke. When a band is crowded, items alternate
 * slightly in and out so neighbouring labels do not collide.
 */
export function spread(
  n: number,
  cx: number,
  cy: number,
  r: number,
  opts: Readonly<{ stagger?: number; gap?: number; phase?: number }> = {},
): (Point & { angle: number })[] {
  const gap = opts.gap ?? 0;
  const phase = opts.phase ?? 0.5;
  const span = 2 * Math.PI - gap;
  return Array.from({ length: n }, (_, i) => {
    const angle = Math.PI / 2 + gap / 2 + (span * (i + phase)) / Math.max(1, n);
    const rr = r + (n > 6 && opts.stagger ? (i % 2 === 0 ? -opts.stagger : opts.stagger) : 0);
    return { x: cx + rr * Math.cos(angle), y: cy + rr * Math.sin(angle), angle };
  });
}

export type LabelSpot = Readonly<{ x: number; y: number; anchor: 'start' | 'middle' | 'end'; lines: readonly string[]; lineHeight: number }>;

/**
 * Where a node's label goes, wrapped to at most two short lines. `side` labels sit beside the
 * node, away from the centre (left and right of the circle); otherwise, and near the top and
 * bottom, above or below it. `y` is the baseline of the first line.
 */
export function labelSpot(
  point: Point & { angle: number },
  nodeRadius: number,
  name: string,
  opts: Readonly<{ side: boolean; fontSize: number; maxLine?: number }>,
): LabelSpot {
  const lines = wrapLabel(name, opts.maxLine ?? 16);
  const lh = Math.round(opts.fontSize * 1.15);
  const cos = Math.cos(point.angle);
  const sin = Math.sin(point.angle);
  if (opts.side && Math.abs(cos) > 0.45) {
    const firstBaseline = point.y + opts.fontSize * 0.35 - ((lines.length - 1) * lh) / 2;
    return { x: point.x + Math.sign(cos) * (nodeRadius + 6), y: firstBaseline, anchor: cos > 0 ? 'start' : 'end', lines, lineHeight: lh };
  }
  const above = sin < 0;
  const y = above ? point.y - nodeRadius - 7 - (lines.length - 1) * lh : point.y + nodeRadius + opts.fontSize + 3;
  return { x: point.x, y, anchor: 'middle', lines, lineHeight: lh };
}

/** Break a name into at most two lines of about `max` characters; the rest is shortened. */
export function wrapLabel(name: string, max = 16): string[] {
  if (name.length <= max) return [name];
  const words = name.split(/\s+/);
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first ? `${first} ${words[i] ?? ''}` : (words[i] ?? '');
    if (next.length > max && first) break;
    first = next;
    if (first.length >= max) {
      i += 1;
      break;
    }
  }
  const rest = words.slice(i).join(' ');
  return rest ? [shortLabel(first, max + 6), shortLabel(rest, max + 6)] : [shortLabel(first, max + 6)];
}

/** Shorten a label for the drawing; the full name is in the accessible name and the title. */
export function shortLabel(name: string, max = 20): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** A label's approximate box in drawing units (SVG text is not measured before it is drawn). */
export type Box = Readonly<{ x0: number; y0: number; x1: number; y1: number }>;

/** Average advance of a bold label character, in font sizes (measured on the app's sans-serif, rounded up). */
const CHAR_WIDTH = 0.62;
/** Clear space kept around a label. */
const PAD = 4;

export function labelBox(spot: LabelSpot, fontSize: number): Box {
  const width = Math.max(...spot.lines.map((l) => l.length)) * fontSize * CHAR_WIDTH;
  const x0 = spot.anchor === 'start' ? spot.x : spot.anchor === 'end' ? spot.x - width : spot.x - width / 2;
  return { x0: x0 - PAD, x1: x0 + width + PAD, y0: spot.y - fontSize - PAD, y1: spot.y + (spot.lines.length - 1) * spot.lineHeight + fontSize * 0.3 + PAD };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Labels for every node that do not run into each other or into another node: each label tries
 * its preferred spot, then above, below and beside its node; a label that fits nowhere is left
 * out (null) and the node is numbered in the key instead. Nodes are placed in the order given.
 */
export function placeLabels(
  nodes: readonly Readonly<{ point: Point & { angle: number }; name: string; side: boolean }>[],
  nodeRadius: number,
  fontSize: number,
  /** Other text already drawn (the bands' captions) that labels must keep clear of. */
  obstacles: readonly Box[] = [],
): (LabelSpot | null)[] {
  const circles: Box[] = nodes.map(({ point }) => ({ x0: point.x - nodeRadius - 3, x1: point.x + nodeRadius + 3, y0: point.y - nodeRadius - 3, y1: point.y + nodeRadius + 3 }));
  const taken: Box[] = [...obstacles];
  return nodes.map((node, i) => {
    const { point, name } = node;
    const preferred = labelSpot(point, nodeRadius, name, { side: node.side, fontSize });
    const lines = preferred.lines;
    const lh = preferred.lineHeight;
    const aboveY = point.y - nodeRadius - 7 - (lines.length - 1) * lh;
    const belowY = point.y + nodeRadius + fontSize + 3;
    const sideY = point.y + fontSize * 0.35 - ((lines.length - 1) * lh) / 2;
    const out = Math.cos(point.angle) >= 0 ? 1 : -1;
    const candidates: LabelSpot[] = [
      preferred,
      { x: point.x, y: aboveY, anchor: 'middle', lines, lineHeight: lh },
      { x: point.x, y: belowY, anchor: 'middle', lines, lineHeight: lh },
      { x: point.x + out * (nodeRadius + 6), y: sideY, anchor: out > 0 ? 'start' : 'end', lines, lineHeight: lh },
      { x: point.x - out * (nodeRadius + 6), y: sideY, anchor: out > 0 ? 'end' : 'start', lines, lineHeight: lh },
    ];
    for (const spot of candidates) {
      const box = labelBox(spot, fontSize);
      const hitsNode = circles.some((c, j) => j !== i && overlaps(box, c));
      if (!hitsNode && !taken.some((t) => overlaps(box, t))) {
        taken.push(box);
        return spot;
      }
    }
    return null;
  });
}

/** Up to two letters for a node whose type has no abbreviation ("Voedselbank" → "VO", "Stichting Welzijn" → "SW"). */
export function initials(name: string): string {
  const words = name.split(/[\s–-]+/).filter((w) => /^\p{L}/u.test(w) && !/^(de|het|van|en|voor)$/i.test(w));
  const letters = words.length >= 2 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : (words[0] ?? '').slice(0, 2);
  return letters.toLocaleUpperCase('nl');
}
