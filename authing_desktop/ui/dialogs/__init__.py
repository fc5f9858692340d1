"""Reusable dialogs of the UI."""
