/**
 * @module goproxy/server/metrics
 * A small Prometheus text-format registry (counters, a histogram, gauges read at scrape time) for
 * /metrics: requests by endpoint and status, cache hits and misses, upstream latency, bytes
 * served, deduplicated fetches, storage bytes. Label values are escaped per the exposition format.
 */

type Labels = Readonly<Record<string, string>>;

function labelText(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `{${keys.map((k) => `${k}="${esc(labels[k]!)}"`).join(',')}}`;
}

class Counter {
  readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = labelText(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  /** inc() with the label text built once: for per-request counters on the hot path. */
  bound(labels: Labels): (by?: number) => void {
    const k = labelText(labels);
    return (by = 1) => void this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels)) ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(`${this.name}${k} ${v}`);
    return lines.join('\n');
  }
}

const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

class Histogram {
  readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string) {}
  observe(labels: Labels, value: number): void {
    const k = labelText(labels);
    let s = this.series.get(k);
    if (s === undefined) {
      s = { labels, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    BUCKETS.forEach((b, i) => {
      if (value <= b) s.counts[i]!++;
    });
    s.sum += value;
    s.count++;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      BUCKETS.forEach((b, i) => lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export class ProxyMetrics {
  readonly requests = new Counter('stevedore_goproxy_requests_total', 'HTTP requests by endpoint and status.');
  readonly cache = new Counter('stevedore_goproxy_cache_total', 'Cache lookups by endpoint and result (hit, miss, stale, negative).');
  readonly upstreamLatency = new Histogram('stevedore_goproxy_upstream_latency_seconds', 'Time to upstream response headers, by upstream and outcome.');
  readonly bytesServed = new Counter('stevedore_goproxy_bytes_served_total', 'Response body bytes sent, by endpoint.');
  readonly prefetches = new Counter('stevedore_goproxy_prefetches_total', 'Background upstream fetches started ahead of a client request (.info after a cold .mod).');
  readonly deduplicated = new Counter('stevedore_goproxy_deduplicated_fetches_total', 'Requests that joined an upstream fetch already in flight instead of starting one.');
  readonly upstreamFetches = new Counter('stevedore_goproxy_upstream_fetches_total', 'Upstream fetches started, by endpoint and outcome.');
  readonly refused = new Counter('stevedore_goproxy_refused_total', 'Upstream content refused (invalid zip, checksum mismatch), by reason.');
  #gauges: { name: string; help: string; read: () => Promise<number> }[] = [];

  gauge(name: string, help: string, read: () => Promise<number>): void {
    this.#gauges.push({ name, help, read });
  }

  async render(): Promise<string> {
    const parts = [this.requests, this.cache, this.upstreamLatency, this.bytesServed, this.deduplicated, this.prefetches, this.upstreamFetches, this.refused].map((m) => m.render());
    for (const g of this.#gauges) parts.push(`# HELP ${g.name} ${g.help}\n# TYPE ${g.name} gauge\n${g.name} ${await g.read()}`);
    return `${parts.join('\n')}\n`;
  }
}
