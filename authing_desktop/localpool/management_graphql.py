"""The management API's GraphQL root fields (docs/pool-admin.md), wired like the end-user ones:
admin-only fields forward to `UserManagement` / `PoolManagement`, and the fields both clients
call act for the management token through `sharing`. `with_management` adds them to the
end-user resolver maps."""

from __future__ import annotations

from typing import Any

from authing_desktop.localpool.graphql_forward import (
    Forward,
    Resolver,
    ctx_of,
    forwarding,
    sharing,
    udv_setters,
)

UDV_TARGET = ("targetType", "targetId")
NODE_ARGS = ("orgId", "parentNodeId", "name", "nameI18n", "description", "descriptionI18n",
             "order", "code")
ROLE_ASSIGNMENT = ("namespace", "roleCode", "roleCodes", "userIds", "groupCodes", "nodeCodes")

ADMIN_QUERIES: dict[str, Forward] = {
    "accessToken": Forward("management", "access_token", ("userPoolId", "secret"),
                           caller=False),
    "users": Forward("user_admin", "list_users",
                     ("page", "limit", "sortBy", "excludeUsersInOrg")),
    "searchUser": Forward("user_admin", "search_users",
                          ("query", "fields", "page", "limit", "departmentOpts", "groupOpts",
                           "roleOpts")),
    "findUser": Forward("user_admin", "find_user",
                        ("email", "phone", "username", "externalId", "identity")),
    "role": Forward("pool_admin", "role", ("code", "namespace")),
    "roles": Forward("pool_admin", "roles", ("namespace", "page", "limit", "sortBy")),
    "userpool": Forward("pool_admin", "userpool"),
}
ADMIN_MUTATIONS: dict[str, Forward] = {
    "createUser": Forward("user_admin", "create_user",
                          ("userInfo", "params", "identity", "keepPassword",
                           "resetPasswordOnFirstLogin")),
    "deleteUser": Forward("user_admin", "delete_user", ("id",)),
    "deleteUsers": Forward("user_admin", "delete_users", ("ids",)),
    "setUdf": Forward("pool_admin", "set_udf",
                      ("targetType", "key", "dataType", "label", "options")),
    "removeUdf": Forward("pool_admin", "remove_udf", ("targetType", "key")),
    "createRole": Forward("pool_admin", "create_role",
                          ("namespace", "code", "description", "parent")),
    "assignRole": Forward("pool_admin", "assign_role", ROLE_ASSIGNMENT),
    "revokeRole": Forward("pool_admin", "revoke_role", ROLE_ASSIGNMENT),
    "createOrg": Forward("pool_admin", "create_org", ("name", "code", "description")),
    "addNode": Forward("pool_admin", "add_node", NODE_ARGS),
    "addNodeV2": Forward("pool_admin", "add_node_v2", NODE_ARGS),
    "addMember": Forward("pool_admin", "add_member",
                         ("nodeId", "orgId", "nodeCode", "userIds", "isLeader")),
    "updateUserpool": Forward("pool_admin", "update_userpool", ("input",)),
}
NODE_FORWARDS: dict[str, Forward] = {
    "users": Forward("pool_admin", "node_users",
                     ("page", "limit", "sortBy", "includeChildrenNodes"), parent_id=True),
}
ADMIN_ONLY_FIELDS = frozenset(ADMIN_QUERIES) | frozenset(ADMIN_MUTATIONS)
"""Root fields only the management token may call (``accessToken``: anyone)."""


_set_udv, _set_udv_batch = udv_setters("user_admin")


async def _refresh_own_token(_: Any, info: Any, id: str | None = None) -> dict[str, Any]:  # noqa: A002
    """refreshToken with a login token: the caller's own (``id``, when given, must be the
    caller: 1001 otherwise)."""
    ctx = ctx_of(info)
    await ctx.run(ctx.features.core.own, ctx.caller, id)
    result: dict[str, Any] = await ctx.run(ctx.features.sessions.refresh_token, ctx.caller)
    return result


USER_SIDE: dict[str, Resolver] = {"refreshToken": _refresh_own_token}
"""End-user resolvers of shared fields that now also check the ``id`` argument."""

SHARED_QUERIES: dict[str, Resolver | Forward] = {
    "user": Forward("user_admin", "user", ("id",)),
    "udv": Forward("user_admin", "list_udv", UDV_TARGET),
    "udf": Forward("pool_admin", "list_udf", ("targetType",)),
}
SHARED_MUTATIONS: dict[str, Resolver | Forward] = {
    "updateUser": Forward("user_admin", "update_user", ("id", "input")),
    "setUdv": _set_udv,
    "setUdvBatch": _set_udv_batch,
    "removeUdv": Forward("user_admin", "remove_udv", (*UDV_TARGET, "key")),
    "refreshToken": Forward("user_admin", "refresh_token", ("id",)),
}


def _merged(user: dict[str, Resolver], shared: dict[str, Resolver | Forward],
            admin_only: dict[str, Forward]) -> dict[str, Resolver]:
    merged = dict(user)
    for name, admin in shared.items():
        merged[name] = sharing(USER_SIDE.get(name, user[name]), admin)
    merged.update({name: forwarding(spec) for name, spec in admin_only.items()})
    return merged


def with_management(queries: dict[str, Resolver], mutations: dict[str, Resolver],
                    ) -> tuple[dict[str, Resolver], dict[str, Resolver], dict[str, Resolver]]:
    """The end-user Query and Mutation resolvers with the management fields added; and the
    Node resolvers."""
    return (_merged(queries, SHARED_QUERIES, ADMIN_QUERIES),
            _merged(mutations, SHARED_MUTATIONS, ADMIN_MUTATIONS),
            {name: forwarding(spec) for name, spec in NODE_FORWARDS.items()})
