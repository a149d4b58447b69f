import { MultiBar, SingleBar } from 'cli-progress';
import { OrgMeter, ProgressMeters, ProgressPhase, RunProgress } from '../provisioning';

/**
 * Progress of a long run on stderr, so that stdout stays the plan (JSON and markdown pipes stay clean).
 * On a terminal: one live bar per org and phase (cli-progress), each replaced by a one-line summary
 * when it ends. Without a terminal (CI logs): a plain line every few seconds for each org that moved,
 * and one when it ends. `--quiet` shows nothing.
 */

export interface ProgressDisplayOptions {
  /** The command, as the first word of every line: plan, apply, drift, assess. */
  readonly command: string;
  readonly stream: NodeJS.WriteStream;
  readonly quiet?: boolean;
  /** Seconds between plain lines without a terminal. @default 5 */
  readonly intervalSeconds?: number;
}

export interface ProgressDisplay {
  /** What the engine reports into; undefined when nothing is shown. */
  readonly progress?: RunProgress;
  /** Prints what has ended and lets go of the terminal (before a prompt); the display resumes with the next meter. */
  pause(): void;
  /** Stops the display and prints what has not been printed yet. Safe to call twice. */
  stop(): void;
}

const PHASE_WORDS: Record<ProgressPhase, { readonly doing: string; readonly unit: string }> = {
  read: { doing: 'read', unit: 'targets' },
  check: { doing: 're-read', unit: 'targets' },
  apply: { doing: 'applied', unit: 'changes' },
};

/** Starts the display that fits the stream: bars on a terminal, lines otherwise, nothing when quiet. */
export function startProgress(options: ProgressDisplayOptions): ProgressDisplay {
  if (options.quiet) return { pause: () => undefined, stop: () => undefined };
  const meters = new ProgressMeters();
  return options.stream.isTTY ? new BarDisplay(meters, options) : new LineDisplay(meters, options);
}

/**
 * Plain lines, for CI logs: every `intervalSeconds`, one line per org and phase that moved, and one when
 * it ends. A run shorter than one interval prints nothing at all: it needs no progress.
 */
export class LineDisplay implements ProgressDisplay {
  readonly progress: ProgressMeters;
  private readonly printed = new Map<OrgMeter, string>();
  private readonly ended = new Set<OrgMeter>();
  private readonly timer?: NodeJS.Timeout;
  private stopped = false;
  private spoke = false;

  constructor(
    meters: ProgressMeters,
    private readonly options: ProgressDisplayOptions,
    private readonly now: () => number = () => performance.now(),
    startTimer = true,
  ) {
    this.progress = meters;
    if (startTimer) {
      this.timer = setInterval(() => this.tick(), (options.intervalSeconds ?? 5) * 1000);
      this.timer.unref();
    }
  }

  /** Writes a line for each meter that moved since its last line, and a final one for each that ended. */
  tick(): void {
    for (const meter of this.progress.all()) {
      if (meter.startedAt === undefined || this.ended.has(meter)) continue;
      const finished = meter.finishedAt !== undefined;
      const line = finished ? finalLine(meter) : progressLine(meter, this.now());
      const key = `${meter.done} ${meter.found} ${meter.calls} ${finished}`;
      if (this.printed.get(meter) === key) continue;
      this.printed.set(meter, key);
      if (finished) this.ended.add(meter);
      this.spoke = true;
      this.options.stream.write(`${this.options.command}: ${line}\n`);
    }
  }

  pause(): void {
    if (this.spoke) this.tick();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.spoke) this.tick();
  }
}

/** Live bars on a terminal; an org's bar gives way to a summary line above the bars when it ends. */
class BarDisplay implements ProgressDisplay {
  readonly progress: ProgressMeters;
  private readonly multibar: MultiBar;
  private readonly bars = new Map<OrgMeter, SingleBar>();
  private readonly ended = new Set<OrgMeter>();
  private readonly timer: NodeJS.Timeout;
  private stopped = false;

  constructor(
    meters: ProgressMeters,
    private readonly options: ProgressDisplayOptions,
  ) {
    this.progress = meters;
    this.multibar = new MultiBar({
      stream: options.stream,
      format: `{label} [{bar}] {value}/{total}{more} {unit} · {calls} calls · {throttled} × 429 · {speed} · ETA {eta}`,
      barsize: 20,
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
      fps: 10,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? count(value) : String(value)),
    });
    this.timer = setInterval(() => this.tick(), 200);
    this.timer.unref();
  }

  private tick(): void {
    const now = performance.now();
    for (const meter of this.progress.all()) {
      if (meter.startedAt === undefined || this.ended.has(meter)) continue;
      const bar = this.bars.get(meter);
      if (meter.finishedAt !== undefined) {
        // The summary goes above the bars (flushed by the redraw that removing a bar does).
        this.ended.add(meter);
        const line = `${this.options.command}: ${finalLine(meter)}\n`;
        if (this.multibar.isActive) this.multibar.log(line);
        else this.options.stream.write(line);
        if (bar !== undefined) {
          this.multibar.remove(bar);
          this.bars.delete(meter);
        }
        continue;
      }
      const payload = barPayload(meter, now);
      if (bar === undefined) {
        this.bars.set(meter, this.multibar.create(Math.max(meter.found, meter.done, 1), meter.done, payload));
      } else {
        bar.setTotal(Math.max(meter.found, meter.done, 1));
        bar.update(meter.done, payload);
      }
    }
    // No live bar: give the terminal back (a prompt may follow); the next meter starts the bars again.
    if (this.bars.size === 0 && this.multibar.isActive) this.multibar.stop();
  }

  pause(): void {
    this.tick();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    this.tick();
    if (this.multibar.isActive) this.multibar.stop();
  }
}

function barPayload(meter: OrgMeter, now: number): Record<string, string> {
  const words = PHASE_WORDS[meter.phase];
  return {
    label: `${meter.org}: ${PHASE_WORDS[meter.phase].doing}`,
    more: meter.complete ? '' : '+',
    unit: words.unit,
    calls: count(meter.calls),
    throttled: count(meter.throttled),
    speed: `${count(Math.round(callRate(meter, now)))} calls/s`,
    eta: eta(meter, now),
  };
}

/** `Health System Org 3: read 512/1,001+ targets · 1,544 calls · 0 × 429 · 402 calls/s · ETA ≥ 3s` */
export function progressLine(meter: OrgMeter, now: number): string {
  const words = PHASE_WORDS[meter.phase];
  return [
    `${meter.org}: ${words.doing} ${count(meter.done)}/${count(meter.found)}${meter.complete ? '' : '+'} ${words.unit}`,
    `${count(meter.calls)} calls`,
    `${count(meter.throttled)} × 429`,
    `${count(Math.round(callRate(meter, now)))} calls/s`,
    `ETA ${eta(meter, now)}`,
  ].join(' · ');
}

/** `Health System Org 3: read 1,001 targets in 2m03s · 3,012 calls · 4 × 429` */
export function finalLine(meter: OrgMeter): string {
  const words = PHASE_WORDS[meter.phase];
  const seconds = ((meter.finishedAt ?? 0) - (meter.startedAt ?? 0)) / 1000;
  return `${meter.org}: ${words.doing} ${count(meter.done)} ${words.unit} in ${duration(seconds)} · ${count(meter.calls)} calls · ${count(meter.throttled)} × 429`;
}

function callRate(meter: OrgMeter, now: number): number {
  const seconds = (now - (meter.startedAt ?? now)) / 1000;
  return seconds > 0 ? meter.calls / seconds : 0;
}

/**
 * Time left at the pace so far. While the org's people are still being listed more targets may come,
 * so the estimate is a lower bound, marked `≥`.
 */
export function eta(meter: OrgMeter, now: number): string {
  const seconds = (now - (meter.startedAt ?? now)) / 1000;
  if (meter.done === 0 || seconds <= 0) return '–';
  const left = ((meter.found - meter.done) * seconds) / meter.done;
  return `${meter.complete ? '' : '≥ '}${duration(left)}`;
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
