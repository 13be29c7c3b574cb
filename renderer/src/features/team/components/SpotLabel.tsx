import type { LabelSpot } from './geometry';

/** A label placed by geometry.ts (placeLabels): one tspan per wrapped line. Both ring drawings use it. */
export function SpotLabel({ spot, className, hidden = false }: Readonly<{ spot: LabelSpot; className: string; hidden?: boolean }>) {
  return (
    <text x={spot.x} y={spot.y} textAnchor={spot.anchor} className={className} aria-hidden={hidden ? 'true' : undefined}>
      {spot.lines.map((line, i) => (
        <tspan key={i} x={spot.x} dy={i === 0 ? 0 : spot.lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
