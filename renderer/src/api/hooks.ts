import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskErrorShape, MethodInput, MethodName, MethodOutput, Result } from '../../../electron/contract';
import { desk } from './transport';

/** Calls one desk method. Never throws; the envelope carries the officer-facing message. */
export function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  const fn = desk()[method] as (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
  return fn(input).catch(
    (err: unknown): Result<MethodOutput<M>> => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'Lỗi không mong đợi khi gọi bàn một cửa', details: String(err) },
    }),
  );
}

export interface Query<T> {
  data: T | undefined;
  error: DeskErrorShape | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads one method's result and reloads when `key` changes. Stale answers (from an older key) are dropped.
 * `input` is read at call time; pass a `key` that changes whenever the input does.
 */
export function useDesk<M extends MethodName>(method: M, input: MethodInput<M>, key = ''): Query<MethodOutput<M>> {
  const [state, setState] = useState<{ data?: MethodOutput<M>; error?: DeskErrorShape; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void call(method, inputRef.current).then((r) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, loading: false } : { error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [method, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
