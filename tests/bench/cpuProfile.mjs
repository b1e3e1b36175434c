// Reading a V8 CPU profile (Chrome DevTools Protocol's Profiler.stop): self time and inclusive time
// by function, for bench:profile (profile.mjs) and the first sync's profile (syncScenarios.mjs).

/** Adds each sampled function's self time (µs) into `into`, keyed by name, file and line. */
export function addSelfTimes(profile, into) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const deltas = profile.timeDeltas;
  for (let index = 0; index < profile.samples.length; index++) {
    const node = byId.get(profile.samples[index]);
    const next = deltas[index + 1] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.split('/').pop() : '';
    const key = `${functionName || '(anonymous)'} ${file}${url ? `:${lineNumber + 1}` : ''}`;
    into.set(key, (into.get(key) ?? 0) + next);
  }
}

/** Adds each function's inclusive time (µs) into `into`: every sample counts once for each of the app's frames on its stack. */
export function addInclusiveTimes(profile, into) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (let index = 0; index < profile.samples.length; index++) {
    const next = profile.timeDeltas[index + 1] ?? 0;
    const seen = new Set();
    for (let id = profile.samples[index]; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id).callFrame;
      if (!url) continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      into.set(key, (into.get(key) ?? 0) + next);
    }
  }
}

/** Prints the `top` functions by self time, then the app's components and hooks by inclusive time. */
export function printProfile(profile, log, top = 30) {
  const self = new Map();
  const inclusive = new Map();
  addSelfTimes(profile, self);
  addInclusiveTimes(profile, inclusive);
  const print = (entries) => {
    for (const [name, micros] of entries) log(`${(micros / 1000).toFixed(0).padStart(8)} ms  ${name}`);
  };
  log('Self time by function:');
  print([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top));
  log("Inclusive time of the app's own functions:");
  print([...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, top));
}
