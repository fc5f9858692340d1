"""`POST /graphql/v2`: the SDL in `schema.graphql` executed by graphql-core 3.

Every error leaves as ``errors[].message = {code, message[, data]}`` (never a bare string, which
crashes the SDK), including parse and validation errors; the HTTP status is always 200.
Parsed documents (`document_cache`, bounded) and introspection answers are cached by query
text, because the SDK sends the same introspection query and documents on every call.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    build_schema,
    execute,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from authing_desktop.localpool import errors, passwords
from authing_desktop.localpool.accounts import Accounts
from authing_desktop.localpool.document_cache import DocumentCache
from authing_desktop.localpool.errors import PoolError, renderable
from authing_desktop.localpool.request_bodies import MAX_BODY_BYTES, read_json
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.users import Caller

log = logging.getLogger(__name__)
T = TypeVar("T")



@dataclass(frozen=True)
class GraphQLContext:
    """Per-request context handed to every resolver."""

    accounts: Accounts
    db: Database
    caller: Caller

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking pool operation on a database worker thread."""
        return await self.db.run(fn, *args)


Resolver = Callable[..., Awaitable[Any]]


def _ctx(info: Any) -> GraphQLContext:
    context: GraphQLContext = info.context
    return context


# ------------------------------------------------------------------------------ Query
async def _check_password_strength(_: Any, info: Any, password: str) -> dict[str, Any]:
    problem = passwords.policy_problem(password)
    if problem is None:
        return {"valid": True, "message": "the password meets the pool policy"}
    return {"valid": False, "message": problem}


async def _check_login_status(_: Any, info: Any, token: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.check_login_status, token)


async def _udv(_: Any, info: Any, targetType: str, targetId: str) -> list[dict[str, Any]]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.list_udv, ctx.caller, targetType, targetId)


async def _udf(_: Any, info: Any, targetType: str) -> list[dict[str, Any]]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.udf_definitions, ctx.caller, targetType)


async def _user(_: Any, info: Any, id: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.user_by_id, ctx.caller, id)


async def _is_user_exists(_: Any, info: Any, email: str | None = None, phone: str | None = None,
                          username: str | None = None, externalId: str | None = None) -> bool:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.is_user_exists, email, phone, username, externalId)


# ------------------------------------------------------------------------------ User fields
async def _user_roles(user: dict[str, Any], info: Any,
                      namespace: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.roles, user["id"], namespace)


async def _user_resources(user: dict[str, Any], info: Any, namespace: str | None = None,
                          resourceType: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.authorized_resources, user["id"], namespace, resourceType)


async def _user_departments(user: dict[str, Any], info: Any,
                            orgId: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.departments, user["id"], orgId)


async def _user_custom_data(user: dict[str, Any], info: Any) -> list[dict[str, Any]]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.custom_data, user["id"])


async def _user_groups(user: dict[str, Any], info: Any) -> dict[str, Any]:
    return {"totalCount": 0, "list": []}


# ------------------------------------------------------------------------------ Mutation
def _input_op(method: str) -> Resolver:
    async def resolve(_: Any, info: Any, input: dict[str, Any]) -> Any:
        ctx = _ctx(info)
        return await ctx.run(getattr(ctx.accounts, method), ctx.caller, input)

    return resolve


async def _login_by_sub_account(_: Any, info: Any, account: str, password: str,
                                captchaCode: str | None = None,
                                clientIp: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.login_by_sub_account, ctx.caller, account, password,
                         captchaCode, clientIp)


async def _send_email(_: Any, info: Any, email: str, scene: str) -> dict[str, Any]:
    ctx = _ctx(info)
    await ctx.run(ctx.accounts.send_email, email, scene)
    return {"code": 200, "message": "email sent"}


async def _reset_password(_: Any, info: Any, code: str, newPassword: str,
                          phone: str | None = None, email: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.reset_password, phone, email, code, newPassword)


async def _reset_first(_: Any, info: Any, token: str, password: str) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.reset_password_by_first_login_token, token, password)


async def _reset_forced(_: Any, info: Any, token: str, oldPassword: str,
                        newPassword: str) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.reset_password_by_force_reset_token, token, oldPassword,
                         newPassword)


async def _update_user(_: Any, info: Any, input: dict[str, Any],
                       id: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.update_profile, ctx.caller, id, input)


async def _update_password(_: Any, info: Any, newPassword: str,
                           oldPassword: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.update_password, ctx.caller, newPassword, oldPassword)


async def _update_phone(_: Any, info: Any, phone: str, phoneCode: str,
                        oldPhone: str | None = None,
                        oldPhoneCode: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.update_phone, ctx.caller, phone, phoneCode, oldPhone,
                         oldPhoneCode)


async def _update_email(_: Any, info: Any, email: str, emailCode: str,
                        oldEmail: str | None = None,
                        oldEmailCode: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.update_email, ctx.caller, email, emailCode, oldEmail,
                         oldEmailCode)


async def _bind_phone(_: Any, info: Any, phone: str, phoneCode: str) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.bind_phone, ctx.caller, phone, phoneCode)


async def _unbind_phone(_: Any, info: Any) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.unbind_phone, ctx.caller)


async def _bind_email(_: Any, info: Any, email: str, emailCode: str) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.bind_email, ctx.caller, email, emailCode)


async def _unbind_email(_: Any, info: Any) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.unbind_email, ctx.caller)


async def _refresh_token(_: Any, info: Any, id: str | None = None) -> dict[str, Any]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.refresh_token, ctx.caller)


async def _set_udv(_: Any, info: Any, targetType: str, targetId: str, key: str,
                   value: str) -> list[dict[str, Any]]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.set_udv, ctx.caller, targetType, targetId, [(key, value)])


async def _set_udv_batch(_: Any, info: Any, targetType: str, targetId: str,
                         udvList: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    ctx = _ctx(info)
    items = [(item["key"], item.get("value") if item.get("value") is not None else "null")
             for item in udvList or []]
    return await ctx.run(ctx.accounts.set_udv, ctx.caller, targetType, targetId, items)


async def _remove_udv(_: Any, info: Any, targetType: str, targetId: str,
                      key: str) -> list[dict[str, Any]]:
    ctx = _ctx(info)
    return await ctx.run(ctx.accounts.remove_udv, ctx.caller, targetType, targetId, key)


QUERY_RESOLVERS: dict[str, Resolver] = {
    "checkPasswordStrength": _check_password_strength,
    "checkLoginStatus": _check_login_status,
    "udv": _udv,
    "udf": _udf,
    "user": _user,
    "isUserExists": _is_user_exists,
}
MUTATION_RESOLVERS: dict[str, Resolver] = {
    "registerByEmail": _input_op("register_by_email"),
    "registerByUsername": _input_op("register_by_username"),
    "registerByPhoneCode": _input_op("register_by_phone_code"),
    "loginByEmail": _input_op("login_by_email"),
    "loginByUsername": _input_op("login_by_username"),
    "loginByPhoneCode": _input_op("login_by_phone_code"),
    "loginByPhonePassword": _input_op("login_by_phone_password"),
    "loginBySubAccount": _login_by_sub_account,
    "sendEmail": _send_email,
    "resetPassword": _reset_password,
    "resetPasswordByFirstLoginToken": _reset_first,
    "resetPasswordByForceResetToken": _reset_forced,
    "updateUser": _update_user,
    "updatePassword": _update_password,
    "updatePhone": _update_phone,
    "updateEmail": _update_email,
    "bindPhone": _bind_phone,
    "unbindPhone": _unbind_phone,
    "bindEmail": _bind_email,
    "unbindEmail": _unbind_email,
    "refreshToken": _refresh_token,
    "setUdv": _set_udv,
    "setUdvBatch": _set_udv_batch,
    "removeUdv": _remove_udv,
}
USER_RESOLVERS: dict[str, Resolver] = {
    "roles": _user_roles,
    "authorizedResources": _user_resources,
    "departments": _user_departments,
    "customData": _user_custom_data,
    "groups": _user_groups,
}


def load_sdl() -> str:
    """The schema text shipped with the package."""
    return resources.files("authing_desktop.localpool").joinpath("schema.graphql").read_text(
        encoding="utf-8")


def build_pool_schema() -> GraphQLSchema:
    """The executable schema: SDL plus resolvers."""
    schema = build_schema(load_sdl())
    for type_name, resolvers in (("Query", QUERY_RESOLVERS), ("Mutation", MUTATION_RESOLVERS),
                                 ("User", USER_RESOLVERS)):
        graphql_type: Any = schema.get_type(type_name)
        for field_name, resolver in resolvers.items():
            graphql_type.fields[field_name].resolve = resolver
    return schema


def _error_message(error: GraphQLError) -> dict[str, Any]:
    original = error.original_error
    if isinstance(original, PoolError):
        return original.as_message()
    if original is not None and error.path:  # a resolver failed unexpectedly
        log.error("resolver failed at %s", error.path, exc_info=original)
        return {"code": errors.INTERNAL, "message": "internal error of the local pool"}
    return {"code": errors.BAD_ARGUMENT, "message": renderable(error.message)}


def _format_error(error: GraphQLError) -> dict[str, Any]:
    formatted: dict[str, Any] = {"message": _error_message(error)}
    if error.locations:
        formatted["locations"] = [{"line": loc.line, "column": loc.column}
                                  for loc in error.locations]
    if error.path:
        formatted["path"] = list(error.path)
    return formatted


def _error_response(code: int, message: str) -> JSONResponse:
    return JSONResponse({"data": None, "errors": [{"message": {"code": code,
                                                               "message": message}}]})


def _is_introspection(document: DocumentNode) -> bool:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY:
        return False
    selections = operations[0].selection_set.selections
    return all(getattr(getattr(s, "name", None), "value", "").startswith("__")
               for s in selections)


class GraphQLEndpoint:
    """The ``/graphql/v2`` request handler."""

    def __init__(self, accounts: Accounts, db: Database,
                 caller_of: Callable[[Request], Caller]) -> None:
        self.schema = build_pool_schema()
        self._accounts = accounts
        self._db = db
        self._caller_of = caller_of
        self.documents = DocumentCache(self.schema)
        self._introspections: dict[str, bytes] = {}

    async def handle(self, request: Request) -> Response:
        """Handle one GraphQL POST."""
        try:
            payload = await read_json(request, MAX_BODY_BYTES)
        except PoolError as exc:
            return _error_response(exc.code, exc.message)
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return _error_response(errors.BAD_ARGUMENT, "the body must be {query, variables}")
        query: str = payload["query"]
        variables = payload.get("variables")
        if variables is not None and not isinstance(variables, dict):
            return _error_response(errors.BAD_ARGUMENT, "variables must be an object")
        operation_name = payload.get("operationName")
        if operation_name is not None and not isinstance(operation_name, str):
            return _error_response(errors.BAD_ARGUMENT, "operationName must be a string")

        document, problems = self.documents.get(query)
        if problems or document is None:
            return JSONResponse({"data": None, "errors": [_format_error(e) for e in problems]})
        introspection = _is_introspection(document) and not variables
        if introspection and query in self._introspections:
            return Response(self._introspections[query], media_type="application/json")

        context = GraphQLContext(self._accounts, self._db, self._caller_of(request))
        result = execute(self.schema, document, context_value=context,
                         variable_values=variables, operation_name=operation_name)
        if not isinstance(result, ExecutionResult):
            result = await result
        out: dict[str, Any] = {"data": result.data}
        if result.errors:
            out["errors"] = [_format_error(e) for e in result.errors]
        response = JSONResponse(out)
        if introspection and not result.errors and len(self._introspections) < 8:
            self._introspections[query] = bytes(response.body)
        return response
