import type { Feature } from '../../app/feature';
import { ExampleDataPage } from './components/ExampleDataPage';

/**
 * "Voorbeeldgegevens": load a synthetic municipality (shared/synthetic). No nav entry: it is
 * reached from the empty household list (ExampleDataLink). `#/voorbeeld` offers the small
 * size; `#/voorbeeld/large/<seed>` is the benchmark's way in (tests/bench) and is not linked.
 */
export const syntheticFeature: Feature = {
  id: 'synthetic',
  route([section, size, seed]) {
    if (section !== 'voorbeeld') return undefined;
    return <ExampleDataPage size={size === 'large' ? 'large' : 'small'} seed={seed ?? 'voorbeeld'} />;
  },
};
