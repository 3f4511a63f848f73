"""The GitHub Pages workflow: one template for the showcase and for `kitfolio init`, valid by
GitHub's workflow schema, on the current major versions of the Pages actions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from kitfolio.cli import SHOWCASE_BUILD_ENV, SHOWCASE_PASSWORDS, pinned_install, publish_workflow

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = ROOT / ".github" / "workflows" / "publish.yml"

# The current major versions (checked against the actions' releases, 2026).
CURRENT = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/configure-pages": "v6",
    "actions/cache": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with the GitHub workflow schema it ships (no network)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(path),
        ],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


def actions(text: str) -> dict[str, str]:
    workflow = yaml.safe_load(text)
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    return dict(step["uses"].split("@", 1) for step in steps if "uses" in step)


def test_the_showcase_workflow_is_the_template_installing_the_checkout() -> None:
    assert SHOWCASE.read_text(encoding="utf-8") == publish_workflow(
        "pip install .", SHOWCASE_BUILD_ENV
    )


def test_both_workflows_are_valid_github_workflows(tmp_path: Path) -> None:
    generated = tmp_path / "publish.yml"
    generated.write_text(publish_workflow(pinned_install()), encoding="utf-8")
    for path in (SHOWCASE, generated):
        checked = validate(path)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_broken_workflow_fails_validation(tmp_path: Path) -> None:
    broken = tmp_path / "publish.yml"
    broken.write_text(
        publish_workflow("pip install .").replace("runs-on: ubuntu-latest", "runs_on: x", 1),
        encoding="utf-8",
    )
    checked = validate(broken)
    assert checked.returncode == 1
    assert "runs_on" in checked.stdout + checked.stderr


def test_the_workflow_uses_the_current_pages_actions_and_keeps_the_cache() -> None:
    text = publish_workflow(pinned_install())
    assert actions(text) == CURRENT
    workflow = yaml.safe_load(text)
    steps = workflow["jobs"]["build"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/kitfolio"
    assert steps[0]["with"]["fetch-depth"] == 0
    install = next(step for step in steps if step.get("name") == "Install Kitfolio")
    assert install["run"] == pinned_install()
    assert "git+https://github.com/" in install["run"] and "@v" in install["run"]


def build_step_env(text: str) -> dict[str, str]:
    steps = yaml.safe_load(text)["jobs"]["build"]["steps"]
    return dict(next(step for step in steps if step.get("name") == "Build the site")["env"])


def test_the_workflow_passes_the_password_secret_to_the_build() -> None:
    env = build_step_env(publish_workflow(pinned_install()))
    assert env == {"KITFOLIO_PASSWORD": "${{ secrets.KITFOLIO_PASSWORD }}"}


def test_the_showcase_sets_its_public_password_in_ci_and_in_scripts_build() -> None:
    env = build_step_env(SHOWCASE.read_text(encoding="utf-8"))
    script = (ROOT / "scripts" / "build").read_text(encoding="utf-8")
    for name, value in SHOWCASE_PASSWORDS.items():
        assert env[name] == value
        assert f'export {name}="${{{name}:-{value}}}"' in script
