import type { Measurement, Results } from './results.js';

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmt = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

const cpu = (m: Measurement) =>
  m.serverCpu ? `${fmt(m.serverCpu.utilPct, 0)}% (sys ${fmt(m.serverCpu.systemPct, 0)}%) / ${fmt(m.serverCpu.msPerRequest, 3)}` : '–';

function row(m: Measurement): string[] {
  const l = m.load;
  if (!l) return [m.title, m.database ?? '–', 'FAILED', '', '', '', '', '', m.error?.split('\n')[0].slice(0, 80) ?? ''];
  const bad = l.non2xx + l.errors;
  const status = bad === 0 ? 'ok' : `INVALID: ${l.non2xx} non-2xx ${JSON.stringify(l.statusCodes)}, ${l.errors} errors (${l.timeouts} timeouts)`;
  return [m.title, m.database ?? '–', fmt(l.reqPerSec, 0), fmt(l.p50, 2), fmt(l.p99, 2), m.ratio === undefined ? '–' : `${fmt(m.ratio * 100)}%`, cpu(m), String(l.requests), status];
}

export function printReport(r: Results): void {
  const { settings: s } = r;
  console.log(`\n== Préau bench: ${s.connections} connections, ${s.duration} s per scenario (+${s.warmup} s warm-up), ${r.machine.cpus} CPU ${r.machine.cpuModel}, Node ${r.machine.node}`);
  console.log(
    table(['scenario', 'db', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'server CPU (kernel share) / ms per req', 'requests', 'status'],
      [...r.baselines, ...r.scenarios].map(row),
      new Set([2, 3, 4, 5, 6, 7]),
    ),
  );

  for (const m of [...r.baselines, ...r.scenarios]) {
    const late = m.load?.lateConnections;
    if (late && late.count > 0) {
      console.log(
        `  ${m.title}${m.database ? ` on ${m.database}` : ''}: ${late.count} connection(s) got their first response only during the measured window (slowest ${fmt(late.slowestFirstMs, 0)} ms); p99 without first responses ${fmt(late.p99WithoutFirst, 2)} ms`,
      );
    }
  }

  const sequences = r.scenarios.filter((m) => m.load && m.load.steps.length > 1);
  if (sequences.length > 0) {
    console.log('\nPer-request latency inside multi-request scenarios (same run):');
    const rows = sequences.flatMap((m) =>
      (m.load?.steps ?? []).map((st) => [`${m.scenario} ${st.label}`, m.database ?? '–', fmt(st.p50, 2), fmt(st.p99, 2), String(st.count)]),
    );
    console.log(table(['request', 'db', 'p50 ms', 'p99 ms', 'count'], rows, new Set([2, 3, 4])));
    for (const m of sequences) if (m.load) console.log(`  ${m.scenario} on ${m.database}: ${fmt(m.load.sequencesPerSec, 0)} page loads/s`);
  }

  if (r.targets.length > 0) {
    console.log('\nTargets (reported, not asserted):');
    for (const t of r.targets) {
      const value = t.what.includes('baseline') ? `${fmt(t.value * 100)}%` : `${fmt(t.value, 2)} ms`;
      console.log(`  [${t.met ? 'MET ' : 'MISS'}] ${t.database.padEnd(8)} ${t.what}: ${value} (target ${t.target})`);
    }
  }

  for (const p of r.probes) {
    if (p.error) {
      console.log(`\nSQL probe on ${p.database} failed: ${p.error}`);
      continue;
    }
    console.log(`\nSQL per request on ${p.database} (in-process, one request at a time):`);
    const rows = (p.rows ?? []).map((x) => [
      x.login,
      x.endpoint,
      String(x.status),
      fmt(x.queriesPerRequest, 1),
      fmt(x.sqlMsPerRequest, 3),
      fmt(x.wallMsPerRequest, 3),
      x.statements[0] ? `${fmt(x.statements[0].meanMs, 3)} ms ×${x.statements[0].perRequest}: ${x.statements[0].sql.slice(0, 70)}…` : '',
    ]);
    console.log(table(['login', 'endpoint', 'HTTP', 'queries', 'SQL ms', 'total ms', 'costliest statement'], rows, new Set([2, 3, 4, 5])));
  }

  for (const { database, scenario, summary } of r.profiles) {
    console.log(
      `\nServer CPU profile, ${scenario} on ${database} (${summary.samples} samples${summary.windowed ? ' during load' : ', whole process'}; main thread idle ${summary.idlePct}%): ${summary.file}`,
    );
    console.log(`  by area:     ${summary.areas.map((a) => `${a.name} ${a.selfPct}%`).join(', ')}`);
    for (const f of summary.functions.slice(0, 10)) console.log(`  ${String(f.selfPct).padStart(5)}%  ${f.name}`);
  }
  for (const note of r.notes) console.log(`\nNote: ${note}`);
}
