"""How GraphQL root fields reach the pool's features: the per-request context, the one generic
`Forward` adapter (a field that only forwards its arguments to a feature method, declared as
data) and `Shared` fields, which the end-user client and the management client both call
(docs/pool-admin.md, "Who may call what")."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.users import Caller

T = TypeVar("T")


@dataclass(frozen=True)
class GraphQLContext:
    """Per-request context handed to every resolver."""

    features: PoolFeatures
    db: Database
    caller: Caller

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking pool operation on a database worker thread."""
        return await self.db.run(fn, *args)


Resolver = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class Forward:
    """A resolver that only forwards its arguments to one feature method, declared as data:
    ``feature.method(*[caller], *[parent id], *arguments)`` (the GraphQL arguments named in
    ``args``, in that order; an absent optional one is None). `forwarding` makes the
    resolver."""

    feature: str
    method: str
    args: tuple[str, ...] = ()
    caller: bool = True
    parent_id: bool = False


def forwarding(spec: Forward) -> Resolver:
    """The one resolver adapter: runs ``spec``'s feature method on a database worker."""
    # Positional-only: a GraphQL argument may be named ``parent`` (createRole's).
    async def resolve(source: Any, info: Any, /, **arguments: Any) -> Any:
        ctx: GraphQLContext = info.context
        fn = getattr(getattr(ctx.features, spec.feature), spec.method)
        positional: list[Any] = [ctx.caller] if spec.caller else []
        if spec.parent_id:
            positional.append(source["id"])
        positional += [arguments.get(name) for name in spec.args]
        return await ctx.run(fn, *positional)

    return resolve


def sharing(user: Resolver, admin: Resolver | Forward) -> Resolver:
    """A root field of both clients: ``admin`` when the caller presents the management token
    (it may act on any user), ``user`` otherwise (the caller acts on their own account)."""
    as_admin = forwarding(admin) if isinstance(admin, Forward) else admin

    async def resolve(source: Any, info: Any, /, **arguments: Any) -> Any:
        ctx: GraphQLContext = info.context
        if ctx.features.management.is_management(ctx.caller.token):
            return await as_admin(source, info, **arguments)
        return await user(source, info, **arguments)

    return resolve


def ctx_of(info: Any) -> GraphQLContext:
    """The request context of a resolver's ``info``."""
    context: GraphQLContext = info.context
    return context


def udv_setters(feature: str) -> tuple[Resolver, Resolver]:
    """``setUdv`` and ``setUdvBatch`` for ``feature``'s ``set_udv(caller, target type, target
    id, [(key, JSON text)])``: one value, or a list whose missing values are JSON null."""
    async def set_udv(_: Any, info: Any, targetType: str, targetId: str, key: str,  # noqa: N803
                      value: str) -> Any:
        ctx = ctx_of(info)
        return await ctx.run(getattr(ctx.features, feature).set_udv, ctx.caller, targetType,
                             targetId, [(key, value)])

    async def set_udv_batch(_: Any, info: Any, targetType: str, targetId: str,  # noqa: N803
                            udvList: list[dict[str, Any]] | None = None) -> Any:  # noqa: N803
        ctx = ctx_of(info)
        items = [(item["key"], item.get("value") if item.get("value") is not None else "null")
                 for item in udvList or []]
        return await ctx.run(getattr(ctx.features, feature).set_udv, ctx.caller, targetType,
                             targetId, items)

    return set_udv, set_udv_batch
