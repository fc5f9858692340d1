"""Flow transcripts and their replay on a fresh local pool (no Qt: the CLI runs without it)."""
