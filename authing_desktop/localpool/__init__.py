"""The local, offline, Authing-v2-compatible user pool (no Qt, no app imports)."""
