"""The GraphQL documents of the Authing v2 AuthenticationClient.

Operation names, variable names/types and selection sets match the official SDK 4.5.18 (the
server dispatches on the operation name and validates against its schema); the text is
written compactly once at import, so a call costs no parsing or printing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Operation:
    """One named GraphQL operation: its name, root field and document text."""

    name: str
    root: str
    document: str


def _operation(kind: str, name: str, params: str, call: str, selection: str = "") -> Operation:
    header = f"{kind} {name}({params})" if params else f"{kind} {name}"
    body = f"{call} {{ {selection} }}" if selection else call
    return Operation(name=name, root=call.split("(", 1)[0], document=f"{header} {{ {body} }}")


# The SDK's User selection, and the same plus externalId (docs/protocol.md#graphql-operations).
USER_FIELDS = (
    "id arn status userPoolId username email emailVerified phone phoneVerified unionid openid "
    "nickname registerSource photo password oauth token tokenExpiredAt loginsCount lastLogin "
    "lastIP signedUp blocked isDeleted device browser company name givenName familyName "
    "middleName profile preferredUsername website gender birthdate zoneinfo locale address "
    "formatted streetAddress locality region postalCode city province country createdAt "
    "updatedAt"
)
USER_FIELDS_X = USER_FIELDS + " externalId"
MESSAGE_FIELDS = "message code"
UDV_FIELDS = "key dataType value label"
UDF_FIELDS = "targetType dataType key label options"


def _user_input_mutation(name: str, input_type: str) -> Operation:
    return _operation("mutation", name, f"$input: {input_type}!", f"{name}(input: $input)",
                      USER_FIELDS_X)


REGISTER_BY_EMAIL = _user_input_mutation("registerByEmail", "RegisterByEmailInput")
REGISTER_BY_USERNAME = _user_input_mutation("registerByUsername", "RegisterByUsernameInput")
REGISTER_BY_PHONE_CODE = _user_input_mutation("registerByPhoneCode", "RegisterByPhoneCodeInput")
LOGIN_BY_EMAIL = _user_input_mutation("loginByEmail", "LoginByEmailInput")
LOGIN_BY_USERNAME = _user_input_mutation("loginByUsername", "LoginByUsernameInput")
LOGIN_BY_PHONE_CODE = _user_input_mutation("loginByPhoneCode", "LoginByPhoneCodeInput")
LOGIN_BY_PHONE_PASSWORD = _user_input_mutation(
    "loginByPhonePassword", "LoginByPhonePasswordInput")
LOGIN_BY_SUB_ACCOUNT = _operation(
    "mutation", "loginBySubAccount",
    "$account: String!, $password: String!, $captchaCode: String, $clientIp: String",
    "loginBySubAccount(account: $account, password: $password, captchaCode: $captchaCode, "
    "clientIp: $clientIp)",
    USER_FIELDS_X)

CHECK_PASSWORD_STRENGTH = _operation(
    "query", "checkPasswordStrength", "$password: String!",
    "checkPasswordStrength(password: $password)", "valid message")
CHECK_LOGIN_STATUS = _operation(
    "query", "checkLoginStatus", "$token: String", "checkLoginStatus(token: $token)",
    "code message status exp iat data { id userPoolId arn }")
SEND_EMAIL = _operation(
    "mutation", "sendEmail", "$email: String!, $scene: EmailScene!",
    "sendEmail(email: $email, scene: $scene)", MESSAGE_FIELDS)
RESET_PASSWORD = _operation(
    "mutation", "resetPassword",
    "$phone: String, $email: String, $code: String!, $newPassword: String!",
    "resetPassword(phone: $phone, email: $email, code: $code, newPassword: $newPassword)",
    MESSAGE_FIELDS)
RESET_PASSWORD_BY_FIRST_LOGIN_TOKEN = _operation(
    "mutation", "resetPasswordByFirstLoginToken", "$token: String!, $password: String!",
    "resetPasswordByFirstLoginToken(token: $token, password: $password)", MESSAGE_FIELDS)
RESET_PASSWORD_BY_FORCE_RESET_TOKEN = _operation(
    "mutation", "resetPasswordByForceResetToken",
    "$token: String!, $oldPassword: String!, $newPassword: String!",
    "resetPasswordByForceResetToken(token: $token, oldPassword: $oldPassword, "
    "newPassword: $newPassword)",
    MESSAGE_FIELDS)

UPDATE_USER = _operation(
    "mutation", "updateUser", "$id: String, $input: UpdateUserInput!",
    "updateUser(id: $id, input: $input)", USER_FIELDS_X)
UPDATE_PASSWORD = _operation(
    "mutation", "updatePassword", "$newPassword: String!, $oldPassword: String",
    "updatePassword(newPassword: $newPassword, oldPassword: $oldPassword)", USER_FIELDS)
UPDATE_PHONE = _operation(
    "mutation", "updatePhone",
    "$phone: String!, $phoneCode: String!, $oldPhone: String, $oldPhoneCode: String",
    "updatePhone(phone: $phone, phoneCode: $phoneCode, oldPhone: $oldPhone, "
    "oldPhoneCode: $oldPhoneCode)",
    USER_FIELDS)
UPDATE_EMAIL = _operation(
    "mutation", "updateEmail",
    "$email: String!, $emailCode: String!, $oldEmail: String, $oldEmailCode: String",
    "updateEmail(email: $email, emailCode: $emailCode, oldEmail: $oldEmail, "
    "oldEmailCode: $oldEmailCode)",
    USER_FIELDS)
BIND_PHONE = _operation(
    "mutation", "bindPhone", "$phone: String!, $phoneCode: String!",
    "bindPhone(phone: $phone, phoneCode: $phoneCode)", USER_FIELDS)
UNBIND_PHONE = _operation("mutation", "unbindPhone", "", "unbindPhone", USER_FIELDS)
BIND_EMAIL = _operation(
    "mutation", "bindEmail", "$email: String!, $emailCode: String!",
    "bindEmail(email: $email, emailCode: $emailCode)", USER_FIELDS)
UNBIND_EMAIL = _operation("mutation", "unbindEmail", "", "unbindEmail", USER_FIELDS)
REFRESH_TOKEN = _operation(
    "mutation", "refreshToken", "$id: String", "refreshToken(id: $id)", "token iat exp")

UDV = _operation(
    "query", "udv", "$targetType: UDFTargetType!, $targetId: String!",
    "udv(targetType: $targetType, targetId: $targetId)", UDV_FIELDS)
# The definitions an admin made (the SDK's management ``udf.list`` document); Authing may refuse
# it to end users, so callers treat it as optional.
UDF = _operation(
    "query", "udf", "$targetType: UDFTargetType!", "udf(targetType: $targetType)", UDF_FIELDS)
SET_UDV_BATCH = _operation(
    "mutation", "setUdvBatch",
    "$targetType: UDFTargetType!, $targetId: String!, $udvList: [UserDefinedDataInput!]",
    "setUdvBatch(targetType: $targetType, targetId: $targetId, udvList: $udvList)", UDV_FIELDS)
REMOVE_UDV = _operation(
    "mutation", "removeUdv", "$targetType: UDFTargetType!, $targetId: String!, $key: String!",
    "removeUdv(targetType: $targetType, targetId: $targetId, key: $key)", UDV_FIELDS)
SET_UDV = _operation(
    "mutation", "setUdv",
    "$targetType: UDFTargetType!, $targetId: String!, $key: String!, $value: String!",
    "setUdv(targetType: $targetType, targetId: $targetId, key: $key, value: $value)",
    UDV_FIELDS)

GET_USER_ROLES = _operation(
    "query", "getUserRoles", "$id: String!, $namespace: String", "user(id: $id)",
    "roles(namespace: $namespace) { totalCount list { id code namespace arn description "
    "createdAt updatedAt parent { code namespace arn description createdAt updatedAt } } }")
LIST_USER_AUTHORIZED_RESOURCES = _operation(
    "query", "listUserAuthorizedResources",
    "$id: String!, $namespace: String, $resourceType: String", "user(id: $id)",
    "authorizedResources(namespace: $namespace, resourceType: $resourceType) "
    "{ totalCount list { code type actions } }")
GET_USER_DEPARTMENTS = _operation(
    "query", "getUserDepartments", "$id: String!, $orgId: String", "user(id: $id)",
    "departments(orgId: $orgId) { totalCount list { department { id orgId name nameI18n "
    "description descriptionI18n order code root depth path codePath namePath createdAt "
    "updatedAt children } isMainDepartment joinedAt } }")
IS_USER_EXISTS = _operation(
    "query", "isUserExists",
    "$email: String, $phone: String, $username: String, $externalId: String",
    "isUserExists(email: $email, phone: $phone, username: $username, externalId: $externalId)")
