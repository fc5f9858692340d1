"""`POST /graphql/v2`: the SDL in `schema.graphql` and `management.graphql` executed by
graphql-core 3 (variables a document does not declare are ignored).

Every error leaves as ``errors[].message = {code, message[, data]}`` (never a bare string, which
crashes the SDK), including parse and validation errors; the HTTP status is always 200. A
variable that does not fit its type is 400, or 2231 for the management API's fields
(docs/pool-admin.md).
Parsed documents (`document_cache`, bounded) and introspection answers are cached by query
text, because the SDK sends the same introspection query and documents on every call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import resources
from typing import Any

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
from authing_desktop.localpool.document_cache import DocumentCache
from authing_desktop.localpool.errors import PoolError, renderable
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.graphql_forward import (
    Forward,
    GraphQLContext,
    Resolver,
    ctx_of,
    forwarding,
    udv_setters,
)
from authing_desktop.localpool.management_graphql import ADMIN_ONLY_FIELDS, with_management
from authing_desktop.localpool.request_bodies import MAX_BODY_BYTES, read_json
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.users import Caller

log = logging.getLogger(__name__)
SDL_FILES = ("schema.graphql", "management.graphql")


# ------------------------------------------------- resolvers that do more than forward
async def _check_password_strength(_: Any, info: Any, password: str) -> dict[str, Any]:
    problem = passwords.policy_problem(password)
    if problem is None:
        return {"valid": True, "message": "the password meets the pool policy"}
    return {"valid": False, "message": problem}


async def _user_groups(user: dict[str, Any], info: Any) -> dict[str, Any]:
    return {"totalCount": 0, "list": []}


async def _send_email(_: Any, info: Any, email: str, scene: str) -> dict[str, Any]:
    ctx = ctx_of(info)
    await ctx.run(ctx.features.contacts.send_email, email, scene)
    return {"code": 200, "message": "email sent"}


_set_udv, _set_udv_batch = udv_setters("custom_data")


# ------------------------------------------------- resolvers that only forward
UDV_TARGET = ("targetType", "targetId")
QUERY_FORWARDS: dict[str, Forward] = {
    "checkLoginStatus": Forward("sessions", "check_login_status", ("token",), caller=False),
    "udv": Forward("custom_data", "list_udv", UDV_TARGET),
    "udf": Forward("custom_data", "udf_definitions", ("targetType",)),
    "user": Forward("profile", "user_by_id", ("id",)),
    "isUserExists": Forward("profile", "is_user_exists",
                            ("email", "phone", "username", "externalId"), caller=False),
}
MUTATION_FORWARDS: dict[str, Forward] = {
    "registerByEmail": Forward("registration", "register_by_email", ("input",)),
    "registerByUsername": Forward("registration", "register_by_username", ("input",)),
    "registerByPhoneCode": Forward("registration", "register_by_phone_code", ("input",)),
    "loginByEmail": Forward("sign_in", "login_by_email", ("input",)),
    "loginByUsername": Forward("sign_in", "login_by_username", ("input",)),
    "loginByPhoneCode": Forward("sign_in", "login_by_phone_code", ("input",)),
    "loginByPhonePassword": Forward("sign_in", "login_by_phone_password", ("input",)),
    "loginBySubAccount": Forward("sign_in", "login_by_sub_account",
                                 ("account", "password", "captchaCode", "clientIp")),
    "resetPassword": Forward("password_changes", "reset_password",
                             ("phone", "email", "code", "newPassword"), caller=False),
    "resetPasswordByFirstLoginToken": Forward(
        "password_changes", "reset_password_by_first_login_token", ("token", "password"),
        caller=False),
    "resetPasswordByForceResetToken": Forward(
        "password_changes", "reset_password_by_force_reset_token",
        ("token", "oldPassword", "newPassword"), caller=False),
    "updatePassword": Forward("password_changes", "update_password",
                              ("newPassword", "oldPassword")),
    "updateUser": Forward("profile", "update_profile", ("id", "input")),
    "updatePhone": Forward("contacts", "update_phone",
                           ("phone", "phoneCode", "oldPhone", "oldPhoneCode")),
    "updateEmail": Forward("contacts", "update_email",
                           ("email", "emailCode", "oldEmail", "oldEmailCode")),
    "bindPhone": Forward("contacts", "bind_phone", ("phone", "phoneCode")),
    "unbindPhone": Forward("contacts", "unbind_phone"),
    "bindEmail": Forward("contacts", "bind_email", ("email", "emailCode")),
    "unbindEmail": Forward("contacts", "unbind_email"),
    "refreshToken": Forward("sessions", "refresh_token"),
    "removeUdv": Forward("custom_data", "remove_udv", (*UDV_TARGET, "key")),
}
USER_FORWARDS: dict[str, Forward] = {
    "roles": Forward("access", "roles", ("namespace",), caller=False, parent_id=True),
    "authorizedResources": Forward("access", "authorized_resources",
                                   ("namespace", "resourceType"), caller=False,
                                   parent_id=True),
    "departments": Forward("access", "departments", ("orgId",), caller=False, parent_id=True),
    "customData": Forward("custom_data", "of_user", caller=False, parent_id=True),
}


def _resolvers(own: dict[str, Resolver], forwards: dict[str, Forward]) -> dict[str, Resolver]:
    return {**own, **{name: forwarding(spec) for name, spec in forwards.items()}}


QUERY_RESOLVERS = _resolvers({"checkPasswordStrength": _check_password_strength},
                             QUERY_FORWARDS)
MUTATION_RESOLVERS = _resolvers({"sendEmail": _send_email, "setUdv": _set_udv,
                                 "setUdvBatch": _set_udv_batch}, MUTATION_FORWARDS)
USER_RESOLVERS = _resolvers({"groups": _user_groups}, USER_FORWARDS)


def load_sdl() -> str:
    """The schema text shipped with the package (the end-user and the management parts)."""
    package = resources.files("authing_desktop.localpool")
    return "\n".join(package.joinpath(name).read_text(encoding="utf-8") for name in SDL_FILES)


def build_pool_schema() -> GraphQLSchema:
    """The executable schema: SDL plus resolvers."""
    schema = build_schema(load_sdl())
    queries, mutations, nodes = with_management(QUERY_RESOLVERS, MUTATION_RESOLVERS)
    for type_name, resolvers in (("Query", queries), ("Mutation", mutations),
                                 ("User", USER_RESOLVERS), ("Node", nodes)):
        graphql_type: Any = schema.get_type(type_name)
        for field_name, resolver in resolvers.items():
            graphql_type.fields[field_name].resolve = resolver
    return schema


def _error_message(error: GraphQLError, input_code: int) -> dict[str, Any]:
    original = error.original_error
    if isinstance(original, PoolError):
        return original.as_message()
    if original is not None and error.path:  # a resolver failed unexpectedly
        log.error("resolver failed at %s", error.path, exc_info=original)
        return {"code": errors.INTERNAL, "message": "internal error of the local pool"}
    return {"code": input_code, "message": renderable(error.message)}


def _format_error(error: GraphQLError, input_code: int = errors.BAD_ARGUMENT) -> dict[str, Any]:
    formatted: dict[str, Any] = {"message": _error_message(error, input_code)}
    if error.locations:
        formatted["locations"] = [{"line": loc.line, "column": loc.column}
                                  for loc in error.locations]
    if error.path:
        formatted["path"] = list(error.path)
    return formatted


def _error_response(code: int, message: str) -> JSONResponse:
    return JSONResponse({"data": None, "errors": [{"message": {"code": code,
                                                               "message": message}}]})


def _input_code(document: DocumentNode) -> int:
    """The code of a variable that does not fit: 2231 when the document asks for a management
    field (an unknown ``UpdateUserpoolInput`` key is 2231 there), else 400."""
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            for selection in definition.selection_set.selections:
                if getattr(getattr(selection, "name", None), "value", "") in ADMIN_ONLY_FIELDS:
                    return errors.PARAMS_INCOMPLETE
    return errors.BAD_ARGUMENT


def _is_introspection(document: DocumentNode) -> bool:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY:
        return False
    selections = operations[0].selection_set.selections
    return all(getattr(getattr(s, "name", None), "value", "").startswith("__")
               for s in selections)


class GraphQLEndpoint:
    """The ``/graphql/v2`` request handler."""

    def __init__(self, features: PoolFeatures, db: Database,
                 caller_of: Callable[[Request], Caller]) -> None:
        self.schema = build_pool_schema()
        self._features = features
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

        context = GraphQLContext(self._features, self._db, self._caller_of(request))
        result = execute(self.schema, document, context_value=context,
                         variable_values=variables, operation_name=operation_name)
        if not isinstance(result, ExecutionResult):
            result = await result
        out: dict[str, Any] = {"data": result.data}
        if result.errors:
            code = _input_code(document)
            out["errors"] = [_format_error(e, code) for e in result.errors]
        response = JSONResponse(out)
        if introspection and not result.errors and len(self._introspections) < 8:
            self._introspections[query] = bytes(response.body)
        return response
