// What every role's API shares: how a call fails, and how a carrier (Electron IPC or
// HTTP) wraps a result. Types only, so the renderer can import them.

/** An error the UI may show or act on; `code` is stable (errors.ts says what each means), `message` is for people. */
export interface ApiFailure {
  code: 'bad-request' | 'not-signed-in' | 'forbidden' | 'not-found' | 'needs-confirmation' | 'too-large' | 'wrong-type' | 'wrong-method' | 'wrong-host' | 'busy' | 'storage' | 'internal';
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** What serves a role's methods: the same signatures, free to answer later. */
export type Handlers<M> = {
  [K in keyof M]: M[K] extends (...args: infer A) => infer R ? (...args: A) => R | Promise<R> : never;
};

/** How a role's events arrive; a role without events (never) has no onEvent. */
type Events<E> = [E] extends [never] ? unknown : { onEvent(listener: (event: E) => void): () => void };

/** What a window's preload exposes: one method per IPC message, each returning an Outcome. */
export type Bridge<M, E = never> = {
  [K in keyof M]: M[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Outcome<R>> : never;
} & Events<E>;

/** What the UI holds: every method returns a promise; events arrive through onEvent. */
export type Client<M, E = never> = {
  [K in keyof M]: M[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
} & Events<E>;
