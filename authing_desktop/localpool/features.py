"""The pool's features, built once over one `PoolCore` (docs/local-pool.md, "Features")."""

from __future__ import annotations

from dataclasses import dataclass

from authing_desktop.localpool.access import UserAccess
from authing_desktop.localpool.contacts import Contacts
from authing_desktop.localpool.custom_data import CustomData
from authing_desktop.localpool.management_api import ManagementAuth
from authing_desktop.localpool.management_structure import PoolManagement
from authing_desktop.localpool.management_users import UserManagement
from authing_desktop.localpool.passkeys import Passkeys
from authing_desktop.localpool.password_changes import PasswordChanges
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.profile import Profile
from authing_desktop.localpool.registration import Registration
from authing_desktop.localpool.sessions import Sessions
from authing_desktop.localpool.sign_in import SignIn


@dataclass(frozen=True)
class PoolFeatures:
    """Each feature of one pool (the end user's, then the management API's: ``management``
    checks its token, ``user_admin`` and ``pool_admin`` act), and the core they share."""

    core: PoolCore
    registration: Registration
    sign_in: SignIn
    sessions: Sessions
    password_changes: PasswordChanges
    profile: Profile
    contacts: Contacts
    custom_data: CustomData
    access: UserAccess
    management: ManagementAuth
    user_admin: UserManagement
    pool_admin: PoolManagement
    passkeys: Passkeys

    @classmethod
    def over(cls, core: PoolCore) -> PoolFeatures:
        """Every feature on ``core``."""
        registration = Registration(core)
        management = ManagementAuth(core)
        return cls(core=core, registration=registration,
                   sign_in=SignIn(core, registration), sessions=Sessions(core),
                   password_changes=PasswordChanges(core), profile=Profile(core),
                   contacts=Contacts(core), custom_data=CustomData(core),
                   access=UserAccess(core), management=management,
                   user_admin=UserManagement(core, management),
                   pool_admin=PoolManagement(core, management), passkeys=Passkeys(core))
