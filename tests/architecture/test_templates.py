"""Templates never decide a rule: the page hands them booleans and words.

A template that compares a value with a status, a role or a kind ("is this visit assigned?", "is
this user family?") restates a rule whose home is the domain or the access policy, and drifts
from it. This test reads every template with Jinja's own parser and refuses:

* a comparison (``==``, ``!=``, ``in``, ``not in``, or a test such as ``is equalto``, also inside
  ``selectattr``) with a string that is the value of a domain enum, or with a tuple or list of
  string literals;
* a comparison involving an enum's ``.value``;
* a lookup by a domain enum's value written out (``counts["done"]``).

Comparisons with other literals stay allowed: which tab is open (``here == "board"``), which
notice to show after a redirect (``saved == "checked-in"``), a number, or two values the page
handed over (``option == chosen``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

import careweave.domain

TEMPLATES = (
    Path(__file__).resolve().parents[2] / "src" / "careweave" / "adapters" / "web" / "templates"
)
COMPARING_OPERATORS = frozenset({"eq", "ne", "in", "notin"})
COMPARING_TESTS = frozenset({"eq", "equalto", "==", "ne", "!=", "in", "sameas"})
# Filters that take a test name and a value to compare with, after the attribute they look at.
SELECTING_FILTERS = frozenset({"selectattr", "rejectattr", "select", "reject"})


def domain_enum_values() -> frozenset[str]:
    """Every string value of every enum the domain defines: its statuses, roles and kinds."""
    values: set[str] = set()
    for found in pkgutil.walk_packages(careweave.domain.__path__, "careweave.domain."):
        module = importlib.import_module(found.name)
        for thing in vars(module).values():
            if isinstance(thing, type) and issubclass(thing, Enum):
                values.update(m.value for m in thing if isinstance(m.value, str))
    return frozenset(values)


DOMAIN_VALUES = domain_enum_values()


def rule_decisions(source: str, names: frozenset[str] = DOMAIN_VALUES) -> list[str]:
    """Where the template ``source`` decides by a domain value, one ``line N: why`` each."""
    tree = jinja2.Environment().parse(source)
    found = []
    for node in tree.find_all((nodes.Compare, nodes.Test, nodes.Filter, nodes.Getitem)):
        reasons = [
            _why_refused(operand, names, is_compared) for operand, is_compared in _compared(node)
        ]
        why = next((reason for reason in reasons if reason), "")
        if why:
            found.append(f"line {node.lineno}: {why}")
    return found


def _compared(node: nodes.Node) -> Iterator[tuple[nodes.Node, bool]]:
    """The operands ``node`` compares or looks up by, each with whether it is compared (rather
    than the key of a lookup, where only a domain value written out is refused)."""
    if isinstance(node, nodes.Compare) and any(op.op in COMPARING_OPERATORS for op in node.ops):
        yield node.expr, True
        yield from ((op.expr, True) for op in node.ops)
    elif isinstance(node, nodes.Test) and node.name in COMPARING_TESTS:
        yield node.node, True
        yield from ((arg, True) for arg in node.args)
    elif isinstance(node, nodes.Filter) and node.name in SELECTING_FILTERS:
        test_at = next((i for i, a in enumerate(node.args) if _literal(a) in COMPARING_TESTS), None)
        if test_at is not None:
            yield from ((arg, True) for arg in node.args[test_at + 1 :])
    elif isinstance(node, nodes.Getitem):
        yield node.arg, False


def _why_refused(operand: nodes.Node, names: frozenset[str], is_compared: bool) -> str:
    literal = _literal(operand)
    if literal in names:
        return f"names {literal!r}, a value of a domain enum"
    if is_compared and _is_list_of_names(operand):
        return "compares with a list of names written out"
    if is_compared and _mentions_value(operand):
        return "compares an enum's .value"
    return ""


def _is_list_of_names(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.Tuple | nodes.List)
        and bool(node.items)
        and all(isinstance(_literal(item), str) for item in node.items)
    )


def _literal(node: nodes.Node) -> object:
    return node.value if isinstance(node, nodes.Const) else None


def _mentions_value(node: nodes.Node) -> bool:
    getattrs = [node, *node.find_all(nodes.Getattr)]
    return any(isinstance(g, nodes.Getattr) and g.attr == "value" for g in getattrs)


def template_files() -> list[Path]:
    files = sorted(TEMPLATES.rglob("*.html"))
    assert files, f"no templates under {TEMPLATES}"
    return files


@pytest.mark.parametrize("path", template_files(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_templates_do_not_compare_with_domain_values(path: Path) -> None:
    assert rule_decisions(path.read_text(encoding="utf-8")) == []


def test_the_domain_values_include_statuses_roles_and_kinds() -> None:
    assert {"in_progress", "cancelled", "family_member", "coordinator", "crisis"} <= DOMAIN_VALUES


PLANTED = """\
{% if visit.status == "in_progress" %}a{% endif %}
{% if actor.role != "family_member" %}b{% endif %}
{% if goal.lifecycle_status.value not in ("cancelled", "rejected") %}c{% endif %}
{% if kind.value == "whatever" %}d{% endif %}
{% if saved in ("strength", "strength-removed") %}e{% endif %}
{% if v.status is equalto "done" %}f{% endif %}
{{ lines | selectattr("status", "equalto", "missed") | list }}
{{ counts["planned"] }}
{{ "✕" if "missed" == line.lateness else "!" }}
"""

ALLOWED = """\
{% if here == "board" %}{% endif %}{% if saved == "checked-in" %}{% endif %}
{% if view == 'day' %}{% endif %}{% if n == 3 %}{% endif %}{% if status >= 500 %}{% endif %}
{% for st in statuses %}{% if st == goal.lifecycle_status %}{% endif %}{% endfor %}
{% for kind in ["person", "visit"] %}{{ kind }}{% endfor %}
{% if goal.id in rateable %}{% endif %}{{ who_kinds[a.who_kind] }}{{ a.status.value }}
{{ goals | selectattr("id", "equalto", note.goal_id) | first }}
{{ {"plan": "Plan saved."}.get(saved) }}
"""


def test_the_checker_sees_a_template_deciding_a_rule() -> None:
    found = rule_decisions(PLANTED)
    assert [f.split(":")[0] for f in found] == [f"line {n}" for n in range(1, 10)]


def test_the_checker_leaves_page_state_and_handed_values_alone() -> None:
    assert rule_decisions(ALLOWED) == []


# Long enough for a tag with its attributes, short enough to read without scrolling sideways.
MAX_TEMPLATE_LINE = 200


@pytest.mark.parametrize("path", template_files(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_lines_are_short_enough_to_read(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    long = [n for n, line in enumerate(lines, 1) if len(line) > MAX_TEMPLATE_LINE]
    assert long == [], f"lines longer than {MAX_TEMPLATE_LINE} characters: {long}"
