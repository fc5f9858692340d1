"""Async Authing API layer (httpx, no Qt): `client.AuthenticationClient` and its operations,
typed results (`models`, `self_service_models`) and errors (`errors`, `error_codes`).

Import from the modules themselves: this package imports nothing, so that a module that needs
only the error types does not load the HTTP stack (docs/start-up.md)."""
