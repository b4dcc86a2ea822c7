import { describe, expect, it } from 'vitest';
import { ok, type AppError, type Result } from '../../../shared/result';
import { createCallLoop, initialTickCall, tickCallReducer, type TickCallState } from './tickCall';

const down: AppError = { code: 'UNAVAILABLE', message: 'site eu-fra-1 did not answer' };
const fail: Result<number> = { ok: false, error: down };

describe('tickCallReducer', () => {
  const fresh = initialTickCall<number>('a');
  const answered: TickCallState<number> = { key: 'a', value: 1, error: null, loading: false };

  it('starts loading while on, idle while off', () => {
    expect(fresh).toEqual({ key: 'a', value: null, error: null, loading: true });
    expect(initialTickCall(null)).toEqual({ key: null, value: null, error: null, loading: false });
  });

  it.each<[string, TickCallState<number>, Result<number>, TickCallState<number>]>([
    ['a first answer', fresh, ok(1), answered],
    ['a first failure', fresh, fail, { key: 'a', value: null, error: down, loading: false }],
    ['a newer answer', answered, ok(2), { ...answered, value: 2 }],
    ['a failure: the last good value stays beside it', answered, fail, { ...answered, error: down }],
    [
      'an answer after a failure clears it',
      { ...answered, error: { code: 'TIMEOUT', message: 't' } },
      ok(3),
      { ...answered, value: 3 },
    ],
  ])('%s', (_, before, result, after) => {
    expect(tickCallReducer(before, { type: 'answer', key: 'a', result })).toEqual(after);
  });

  it('drops an answer to another request', () => {
    expect(tickCallReducer(answered, { type: 'answer', key: 'b', result: ok(9) })).toBe(answered);
  });

  it('starts from nothing when the request changes or is switched off, and keeps all for the same one', () => {
    expect(tickCallReducer(answered, { type: 'request', key: 'a' })).toBe(answered);
    expect(tickCallReducer(answered, { type: 'request', key: 'b' })).toEqual(initialTickCall('b'));
    expect(tickCallReducer(answered, { type: 'request', key: null })).toEqual(initialTickCall(null));
  });

  it('patches a value it has, and nothing before the first', () => {
    const double = (v: number) => v * 2;
    expect(tickCallReducer(answered, { type: 'patch', update: double })).toEqual({ ...answered, value: 2 });
    expect(tickCallReducer(fresh, { type: 'patch', update: double })).toBe(fresh);
  });
});

/** A call whose answers the test hands out one by one. */
function fakeCall() {
  const pending: ((answer: string) => void)[] = [];
  let calls = 0;
  return {
    call: () => {
      calls++;
      return new Promise<string>((resolve) => pending.push(resolve));
    },
    get calls() {
      return calls;
    },
    async answer(a: string) {
      pending.shift()!(a);
      await Promise.resolve(); // let the loop's `then` run
    },
  };
}

/** A loop over a fake call, and the answers it handed on. */
function startLoop() {
  const f = fakeCall();
  const got: string[] = [];
  const loop = createCallLoop(f.call, (a) => got.push(a));
  return { f, got, loop };
}

describe('createCallLoop', () => {
  it('skips a tick while a call is in flight', async () => {
    const { f, got, loop } = startLoop();
    loop.tick();
    loop.tick();
    expect(f.calls).toBe(1);
    await f.answer('one');
    expect(got).toEqual(['one']);
    loop.tick();
    expect(f.calls).toBe(2);
  });

  it('queues one refresh asked for while in flight, and calls at once otherwise', async () => {
    const { f, got, loop } = startLoop();
    loop.refresh();
    expect(f.calls).toBe(1);
    loop.refresh();
    loop.refresh();
    expect(f.calls).toBe(1);
    await f.answer('before the action');
    expect(f.calls).toBe(2);
    await f.answer('after it');
    expect(got).toEqual(['before the action', 'after it']);
    expect(f.calls).toBe(2);
  });

  it('drops the answer in flight when told to forget it, and later ones are kept', async () => {
    const { f, got, loop } = startLoop();
    loop.tick();
    loop.forget();
    await f.answer('old');
    expect(got).toEqual([]);
    loop.tick();
    await f.answer('new');
    expect(got).toEqual(['new']);
  });

  it('hands nothing on and calls no more once stopped', async () => {
    const { f, got, loop } = startLoop();
    loop.tick();
    loop.refresh();
    loop.stop();
    await f.answer('late');
    loop.tick();
    expect(got).toEqual([]);
    expect(f.calls).toBe(1);
  });
});
