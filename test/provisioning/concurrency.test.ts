import { forEachConcurrent, mapConcurrent } from '../../provisioning';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('bounded concurrency', () => {
  test('never runs more than the limit at once, and runs every item', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrent(Array.from({ length: 20 }, (_, i) => i), async (item) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      seen.push(item);
      running--;
    }, 3);
    expect(peak).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  test('streams an async source: the next page is pulled only when a worker needs it', async () => {
    const log: string[] = [];
    async function* pages() {
      for (let page = 0; page < 3; page++) {
        log.push(`fetch ${page}`);
        await tick();
        yield* [`${page}a`, `${page}b`];
      }
    }
    await forEachConcurrent(pages(), async (item) => {
      log.push(`start ${item}`);
      await tick();
    }, 2);
    // Work on page 0 starts before page 1 is fetched.
    expect(log.indexOf('start 0a')).toBeLessThan(log.indexOf('fetch 1'));
    expect(log.filter((l) => l.startsWith('start'))).toHaveLength(6);
  });

  test('after a failure no new task starts, and the first error is thrown', async () => {
    const started: number[] = [];
    await expect(
      forEachConcurrent(Array.from({ length: 10 }, (_, i) => i), async (item) => {
        started.push(item);
        await tick();
        if (item === 1) throw new Error('boom at 1');
      }, 2),
    ).rejects.toThrow('boom at 1');
    expect(started.length).toBeLessThan(5);
  });

  test('mapConcurrent keeps input order', async () => {
    const out = await mapConcurrent([30, 10, 20], async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ms * 2;
    });
    expect(out).toEqual([60, 20, 40]);
  });

  test('fails on a limit that is not a positive integer', async () => {
    await expect(forEachConcurrent([1], async () => undefined, 0)).rejects.toThrow('concurrency must be a positive integer, received: 0');
  });
});
