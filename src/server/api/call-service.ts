// The one shape of a thin procedure: the service is called with the database, the checked actor and (when
// the procedure takes one) its parsed input. Procedures whose services take anything else spell it out.
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { rethrowDomainError } from "./trpc";

type ActorContext = { db: Db; actor: Actor };

/** `.query(withActor(getThing))` for `getThing(db, actor, input)`. */
export function withActor<I, T>(service: (db: Db, actor: Actor, input: I) => T) {
  return ({ ctx, input }: { ctx: ActorContext; input: I }): T => service(ctx.db, ctx.actor, input);
}

/** `.query(withActorNoInput(listThings))` for `listThings(db, actor)`: no input is passed on. */
export function withActorNoInput<T>(service: (db: Db, actor: Actor) => T) {
  return ({ ctx }: { ctx: ActorContext }): T => service(ctx.db, ctx.actor);
}

/**
 * `.subscription(streamWithActor(watchThing))` for `watchThing(db, actor, input, signal)`, an async iterator of
 * events, with its domain errors mapped to tRPC's. A thin wrapper rather than an async generator around the
 * service: a generator's `yield*` adds a chain of promises to every event of every open stream.
 */
export function streamWithActor<I, T>(watch: (db: Db, actor: Actor, input: I, signal?: AbortSignal) => AsyncIterator<T, void>) {
  return ({ ctx, input, signal }: { ctx: ActorContext; input: I; signal: AbortSignal | undefined }): AsyncIterableIterator<T, void> => {
    const inner = watch(ctx.db, ctx.actor, input, signal);
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      // An error thrown while streaming bypasses the error-mapping middleware.
      next: () => inner.next().then(undefined, rethrowDomainError),
      return: () => (inner.return ? inner.return().then(undefined, rethrowDomainError) : Promise.resolve({ done: true, value: undefined })),
    };
  };
}
