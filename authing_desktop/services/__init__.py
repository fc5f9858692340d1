"""Services: session state, token store, settings, task runner, message bus (QtCore only)."""
