// Per-class counts for tandem's engine and the exact-match baseline, the goals of issue 3, and the table.
const OUTCOMES = ['exact', 'refused', 'wrong', 'error'];

function count(cases, who) {
  const out = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const c of cases) out[c[who]]++;
  if (out.error === 0) delete out.error;
  return out;
}

/** Counts per class and overall, and whether each goal is met. */
export function summarize(cases, meta) {
  const classes = [...new Set(cases.map((c) => c.cls))].map((cls) => {
    const list = cases.filter((c) => c.cls === cls);
    return { class: cls, kind: list[0].kind, cases: list.length, tandem: count(list, 'engine'), baseline: count(list, 'baseline') };
  });
  const of = (kind) => cases.filter((c) => c.kind === kind);
  const rate = (list, who, outcome) => (list.length ? list.filter((c) => c[who] === outcome).length / list.length : 1);
  const pct = (x) => Math.round(x * 1000) / 10;
  const totals = Object.fromEntries(
    ['tandem', 'baseline'].map((who) => {
      const key = who === 'tandem' ? 'engine' : 'baseline';
      return [who, {
        recoverableExactPct: pct(rate(of('recoverable'), key, 'exact')),
        refusalsRefused: `${of('refusal').filter((c) => c[key] === 'refused').length}/${of('refusal').length}`,
        wrong: cases.filter((c) => c[key] === 'wrong' || c[key] === 'error').length,
      }];
    }),
  );
  const goals = [
    { goal: '0 applied wrongly', met: totals.tandem.wrong === 0 },
    { goal: 'every refusal case refused', met: of('refusal').every((c) => c.engine === 'refused') },
    { goal: '>= 97% of recoverable cases applied exactly', met: totals.tandem.recoverableExactPct >= 97 },
  ];
  return { ...meta, seconds: Math.round(meta.seconds * 10) / 10, cases: cases.length, classes, totals, goals };
}

const cell = (o) => `${String(o.exact).padStart(5)} ${String(o.refused).padStart(7)} ${String(o.wrong).padStart(5)}${o.error ? ` err ${o.error}` : ''}`;

/** A fixed-width table: one row per class, then the totals and the goals. */
export function renderTable(s) {
  const w = Math.max(...s.classes.map((c) => c.class.length));
  const head = `${'class'.padEnd(w)}  ${'kind'.padEnd(11)} ${'cases'.padStart(5)} | tandem: exact refused wrong | baseline: exact refused wrong`;
  const rows = s.classes.map((c) => `${c.class.padEnd(w)}  ${c.kind.padEnd(11)} ${String(c.cases).padStart(5)} |         ${cell(c.tandem)} |           ${cell(c.baseline)}`);
  const t = s.totals;
  return [
    `Edit engine on real changes: ${s.packages.join(', ')}; ${s.files} changed files, ${s.cases} cases, ${s.seconds} s.`,
    '',
    head,
    '-'.repeat(head.length),
    ...rows,
    '',
    `recoverable applied exactly: tandem ${t.tandem.recoverableExactPct}%, baseline ${t.baseline.recoverableExactPct}%`,
    `refusal cases refused:       tandem ${t.tandem.refusalsRefused}, baseline ${t.baseline.refusalsRefused}`,
    `applied wrongly (all cases): tandem ${t.tandem.wrong}, baseline ${t.baseline.wrong}`,
    ...s.goals.map((g) => `goal ${g.met ? 'met   ' : 'MISSED'} ${g.goal}`),
  ].join('\n');
}
