"""Widgets only: the shell, pages, dialogs. Logic lives in presenters and services."""
