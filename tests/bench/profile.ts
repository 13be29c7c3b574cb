/**
 * A short text summary of a CDP CPU profile (`Profiler.stop`): where the time went, by function,
 * self and inclusive. For `npm run bench -- --profile <phase>`; the full profile is written next
 * to it for DevTools.
 */
type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] };

function isProfile(p: unknown): p is CpuProfile {
  return typeof p === 'object' && p !== null && Array.isArray((p as { nodes?: unknown }).nodes);
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function label(f: CallFrame): string {
  const file = f.url.split('/').pop() ?? f.url;
  return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
}

export function summariseProfile(raw: unknown, top = 20): string {
  if (!isProfile(raw)) return '  (not a CPU profile)';
  const total = raw.samples?.length ?? raw.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0);
  const msPerSample = total ? (raw.endTime - raw.startTime) / 1000 / total : 0;
  const byId = new Map(raw.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // Inclusive time: a function counted once per sample even when it recurses.
  const walk = (node: ProfileNode, onStack: ReadonlySet<string>): number => {
    const name = label(node.callFrame);
    let hits = node.hitCount ?? 0;
    self.set(name, (self.get(name) ?? 0) + hits);
    const stack = new Set(onStack).add(name);
    for (const c of node.children ?? []) {
      const child = byId.get(c);
      if (child) hits += walk(child, stack);
    }
    if (!onStack.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + hits);
    return hits;
  };
  const root = raw.nodes[0];
  if (root) walk(root, new Set());
  const fmt = (m: Map<string, number>) =>
    [...m]
      .filter(([name]) => !IDLE.has(name.split(' ')[0] ?? ''))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => `    ${(hits * msPerSample).toFixed(0).padStart(7)} ms  ${name}`)
      .join('\n');
  const busy = [...self].filter(([n]) => !IDLE.has(n.split(' ')[0] ?? '')).reduce((a, [, h]) => a + h, 0);
  return `  busy ${(busy * msPerSample).toFixed(0)} ms of ${((raw.endTime - raw.startTime) / 1000).toFixed(0)} ms\n  self time:\n${fmt(self)}\n  inclusive time:\n${fmt(inclusive)}`;
}
