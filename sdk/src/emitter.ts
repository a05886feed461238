/**
 * A typed event emitter: each event name maps to a tuple of listener arguments
 * (the shape of analytics-next's generic-utils emitter). A listener that throws is
 * reported through `onListenerError` and never stops the others.
 */
export type Listener<Args extends unknown[]> = (...args: Args) => void;

export class Emitter<Contract extends Record<string, unknown[]>> {
  private _listeners: { [K in keyof Contract]?: Listener<Contract[K]>[] } = {};

  constructor(private _onListenerError: (error: unknown) => void = () => {}) {}

  on<K extends keyof Contract>(name: K, listener: Listener<Contract[K]>): this {
    const list = this._listeners[name] ?? [];
    list.push(listener);
    this._listeners[name] = list;
    return this;
  }

  off<K extends keyof Contract>(name: K, listener: Listener<Contract[K]>): this {
    const list = this._listeners[name] ?? [];
    // A loop, not Array.prototype.filter, which a host page may have replaced.
    for (let i = list.length; i--; ) if (list[i] === listener) list.splice(i, 1);
    return this;
  }

  has(name: keyof Contract): boolean {
    return (this._listeners[name]?.length ?? 0) > 0;
  }

  emit<K extends keyof Contract>(name: K, ...args: Contract[K]): void {
    for (const listener of this._listeners[name]?.slice() ?? []) {
      try {
        listener(...args);
      } catch (error) {
        this._onListenerError(error);
      }
    }
  }
}
