"""Run a developer script inside the project's ``.venv``, creating and installing it first.

The scripts in this folder start with the system Python; ``inside`` re-runs them with
``.venv/bin/python`` once the package and the extra they need are installed, so a fresh clone
needs nothing but Python 3.11.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"


def inside(script: str, *, extra: str, imports: str) -> None:
    """Re-run ``script`` with .venv's Python unless this is it; install ``.[extra]`` first when
    ``import {imports}`` fails there."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    name = f"scripts/{Path(script).name}"
    if not PYTHON.exists():
        py = shutil.which("python3.11") or shutil.which("python3")
        if py is None:
            sys.exit(f"{name}: neither python3.11 nor python3 is on PATH")
        print(f"==> creating .venv with {py}", file=sys.stderr)
        subprocess.check_call([py, "-m", "venv", str(VENV)])
    probe = [str(PYTHON), "-c", f"import {imports}"]
    if subprocess.call(probe, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) != 0:
        print(f"==> installing into .venv: pip install -e '.[{extra}]'", file=sys.stderr)
        pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.check_call([*pip, "-e", f".[{extra}]"], cwd=ROOT)
    os.execv(str(PYTHON), [str(PYTHON), script, *sys.argv[1:]])
