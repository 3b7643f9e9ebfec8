"""The architecture's rules, checked on the source: imports only go down the layers, only the
composition root builds the parts, and modules stay small."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
COMPOSITION_ROOT = ROOT / "assistant" / "app.py"
# Parts that only assistant/app.py may construct.
BUILT_BY_THE_ROOT = frozenset(
    "VectorStore HybridSearcher LLMClient AnswerService EmbeddingBackend DocumentPreparer".split()
)
SMALL_PACKAGES = ("assistant", "vectorstore", "ingest")
MAX_MODULE_LINES = 300


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return list(contract["layers"])


def _lint_imports(folder: Path, *config: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", *config],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_imports_only_go_down_the_layers() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_layer_contract_catches_an_upward_import(tmp_path: Path) -> None:
    layers = _layers()
    for layer in layers:
        (tmp_path / layer).mkdir()
        (tmp_path / layer / "__init__.py").write_text("", encoding="utf-8")
    lowest, highest = layers[-1], layers[0]
    (tmp_path / lowest / "upward.py").write_text(f"import {highest}\n", encoding="utf-8")
    names = "".join(f"\n    {layer}" for layer in layers)
    (tmp_path / "layers.ini").write_text(
        f"[importlinter]\nroot_packages ={names}\n\n"
        f"[importlinter:contract:layers]\nname = Layers\ntype = layers\nlayers ={names}\n",
        encoding="utf-8",
    )
    result = _lint_imports(tmp_path, "layers.ini")
    assert result.returncode != 0
    assert f"{lowest} is not allowed to import {highest}" in result.stdout


def constructions(source: str) -> list[tuple[str, int]]:
    """(class name, line) of every call that constructs one of the root-built parts."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in BUILT_BY_THE_ROOT:
                found.append((name, node.lineno))
    return found


def test_the_construction_finder_sees_direct_and_qualified_calls() -> None:
    source = "s = VectorStore(settings, backend)\nq = search.HybridSearcher(settings, s)\n"
    assert constructions(source) == [("VectorStore", 1), ("HybridSearcher", 2)]


def _python_files() -> list[Path]:
    return [
        path
        for layer in [*_layers(), "tests"]
        for path in sorted((ROOT / layer).rglob("*.py"))
        if path != COMPOSITION_ROOT
    ]


def test_only_the_composition_root_builds_the_parts() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line} {name}(…)"
        for path in _python_files()
        for name, line in constructions(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "bouw onderdelen via assistant/app.py: " + ", ".join(offenders)


@pytest.mark.parametrize("package", SMALL_PACKAGES)
def test_modules_stay_small(package: str) -> None:
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / package).rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}
