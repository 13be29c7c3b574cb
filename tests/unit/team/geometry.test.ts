import { describe, expect, it } from 'vitest';
import { initials, labelBox, placeLabels, spread } from '../../../renderer/src/features/team/components/geometry';

const boxesOverlap = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('ring labels', () => {
  it('never lets two drawn labels overlap, and numbers the ones that fit nowhere', () => {
    // Twelve long names crowded on a small circle: not all can be named.
    const points = spread(12, 500, 500, 150, { gap: 0.55 });
    const nodes = points.map((point, i) => ({ point, name: `Organisatie met een lange naam ${i}`, side: true }));
    const spots = placeLabels(nodes, 16, 19);
    const drawn = spots.flatMap((s) => (s ? [labelBox(s, 19)] : []));
    drawn.forEach((a, i) => drawn.slice(i + 1).forEach((b) => expect(boxesOverlap(a, b)).toBe(false)));
    expect(spots.some((s) => s === null)).toBe(true);
    expect(drawn.length).toBeGreaterThan(0);
  });

  it('names every node when there is room', () => {
    const points = spread(4, 500, 500, 300, { gap: 0.55 });
    const spots = placeLabels(points.map((point, i) => ({ point, name: `Partner ${i}`, side: true })), 16, 19);
    expect(spots.every((s) => s !== null)).toBe(true);
  });

  it('gives a node without a type abbreviation the initials of its name', () => {
    expect(initials('Voedselbank')).toBe('VO');
    expect(initials('Stichting Welzijn Oost')).toBe('SW');
    expect(initials('Huis van de Wijk')).toBe('HW');
  });
});
