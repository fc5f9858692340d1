"""authing-desktop: a desktop account self-service center for Authing user pools."""

__version__ = "0.1.0"
APP_NAME = "authing-desktop"
APP_DISPLAY_NAME = "Authing Desktop"
ORG_NAME = "authing-desktop"
BUNDLE_ID = "cn.authing.desktop"
