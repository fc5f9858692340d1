"""The API layer loads one module per warm-up step (`API_MODULES`): in a fresh interpreter,
importing them in that order adds at most one module of the app each time, and ends with the
client loaded (a new module the list misses would load inside another's step)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from authing_desktop.services.connection import API_MODULES
from authing_desktop.services.warm_up import MODULES, ModuleGroup
for name in MODULES[ModuleGroup.API]:
    __import__(name)
steps = []
for name in API_MODULES:
    before = {m for m in sys.modules if m.startswith("authing_desktop.")}
    __import__(name)
    steps.append(sorted({m for m in sys.modules if m.startswith("authing_desktop.")} - before))
print(json.dumps(steps))
"""


def test_each_step_loads_one_module_of_the_api_layer() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            timeout=60, check=True)
    steps = json.loads(result.stdout)
    too_much = [step for step in steps if len(step) > 1]
    assert too_much == []
    assert ["authing_desktop.api.client"] in steps
