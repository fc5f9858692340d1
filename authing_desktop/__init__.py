"""authing-desktop: a desktop account self-service center for Authing user pools."""

import sys

# httpx's package imports its command-line client (httpx._main) whenever click, rich and
# pygments are installed (developer tools bring them): many modules and megabytes the app never
# uses. A None entry makes that one import fail, and httpx falls back to a stub ``main``.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

__version__ = "0.1.0"
APP_NAME = "authing-desktop"
APP_DISPLAY_NAME = "Authing Desktop"
ORG_NAME = "authing-desktop"
BUNDLE_ID = "cn.authing.desktop"
