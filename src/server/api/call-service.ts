// The one shape of a thin procedure: the service is called with the database, the checked actor and (when
// the procedure takes one) its parsed input. Procedures whose services take anything else spell it out.
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";

type ActorContext = { db: Db; actor: Actor };

/** `.query(withActor(getThing))` for `getThing(db, actor, input)`. */
export function withActor<I, T>(service: (db: Db, actor: Actor, input: I) => T) {
  return ({ ctx, input }: { ctx: ActorContext; input: I }): T => service(ctx.db, ctx.actor, input);
}

/** `.query(withActorNoInput(listThings))` for `listThings(db, actor)`: no input is passed on. */
export function withActorNoInput<T>(service: (db: Db, actor: Actor) => T) {
  return ({ ctx }: { ctx: ActorContext }): T => service(ctx.db, ctx.actor);
}
