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
