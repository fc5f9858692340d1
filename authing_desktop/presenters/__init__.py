"""View models: QObjects with state, change signals and ``async`` intents; no widgets."""
