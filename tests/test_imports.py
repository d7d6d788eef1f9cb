"""The direction of imports (ARCHITECTURE.md): no circle among the modules of an app, apps
import only from the apps below them (decisions <- meetings <- submissions, and
recommendations beside submissions, each ignoring the other; the public API, api, above them
all), and the project package imports no app. Read from the source, imports inside functions
included: an import put off until a call still makes a circle."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each app and the apps it may import.
BELOW = {
    "decisions": set(),
    "meetings": {"decisions"},
    "recommendations": {"decisions", "meetings"},
    "submissions": {"decisions", "meetings"},
    # The public API reads what the public pages show; it never reads submissions (proposals,
    # assessments), and no app reads it.
    "api": {"decisions", "meetings", "recommendations"},
}
APPS = list(BELOW)
PACKAGES = ["wgportal", *APPS]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package):
    """Every module of the package but its migrations: {name: path}."""
    return {
        module_name(path): path
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


def imported(name, path):
    """The modules this one imports, by their full names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            # "from . import outbox" imports the module submissions.outbox.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def graph(package):
    """Module -> the modules of the same package it imports."""
    names = modules(package)
    return {
        name: {other for other in imported(name, path) if other in names and other != name}
        for name, path in names.items()
    }


def circle(edges):
    """One circle of imports ([a, b, ..., a]), or None."""
    done, path = set(), []

    def visit(node):
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for following in sorted(edges[node]):
            if found := visit(following):
                return found
        path.pop()
        done.add(node)
        return None

    for node in sorted(edges):
        if found := visit(node):
            return found
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_no_circle_of_imports_inside_a_package(package):
    found = circle(graph(package))
    assert found is None, " -> ".join(found)


def test_the_check_finds_a_circle():
    assert circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert circle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_relative_imports_are_read_as_the_modules_they_name():
    found = imported("submissions.receipts", ROOT / "submissions" / "receipts.py")
    assert {"submissions.outbox", "submissions.enqueue", "submissions.models"} <= found
    assert "submissions.tasks" not in found


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_go_one_way_between_apps(package):
    """An app imports only from the apps below it; the project package from none."""
    allowed = BELOW.get(package, set())
    wrong = sorted(
        f"{name} imports {other}"
        for name, path in modules(package).items()
        for other in imported(name, path)
        if (top := other.split(".")[0]) in APPS and top != package and top not in allowed
    )
    assert not wrong


@pytest.mark.parametrize("package", ["meetings", "submissions"])
def test_nothing_in_an_app_imports_its_tasks(package):
    """Celery loads the tasks; the rest enqueues them by name (the app's enqueue module)."""
    importers = [name for name, edges in graph(package).items() if f"{package}.tasks" in edges]
    assert importers == []
