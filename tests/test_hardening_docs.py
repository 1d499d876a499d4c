"""Broken house documents (`--reference-docx`) and runaway templates (`--templates`): one line
naming the file (and, for a template, the line), exit status 2, bounded time and output."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.render import template_budget
from briefing.render.docx_package import missing_styles
from briefing.render.markdown import environment, render
from briefing.render.problems import ReferenceDocError, TemplateProblem

REFERENCE = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"
STYLES = "word/styles.xml"


def _house(tmp_path: Path, styles: bytes) -> Path:
    """Return a copy of the shipped reference document whose styles.xml is `styles`."""
    path = tmp_path / "house.docx"
    with zipfile.ZipFile(REFERENCE) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, styles if name == STYLES else src.read(name))
    return path


def _styles_with(prolog: bytes, attribute: bytes = b"", inside: bytes = b"") -> bytes:
    with zipfile.ZipFile(REFERENCE) as src:
        body = src.read(STYLES).split(b"?>", 1)[1]
    body = body.replace(b"<w:styles ", b"<w:styles " + attribute + b" ", 1)
    return prolog + body.replace(b"</w:styles>", inside + b"</w:styles>")


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY l0 "lol">'
          + b"".join(b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10))
          + b"]>")
BROKEN = {
    "malformed": b'<?xml version="1.0"?><w:styles xmlns:w="x"><w:style',
    "entity-bomb": _styles_with(LAUGHS, b'a="&l9;"'),
    "external-entity": _styles_with(
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        b'a="&e;"'),
    "huge-text-node": _styles_with(b'<?xml version="1.0"?>', inside=b"<w:x>" + b"a" * 10_000_001
                                   + b"</w:x>"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_hardening_docs_broken_reference_is_one_clear_error(tmp_path, name):
    house = _house(tmp_path, BROKEN[name])
    with pytest.raises(ReferenceDocError) as caught:
        missing_styles(house)
    message = str(caught.value)
    assert message.startswith(f"{house} is not a usable Word document: its XML cannot be read (")
    assert "\n" not in message and "root:" not in message


def test_hardening_docs_reference_unpacking_too_far_is_refused(tmp_path, monkeypatch):
    from briefing.render import docx_package

    monkeypatch.setattr(docx_package, "MAX_UNPACKED", 10_000)
    with pytest.raises(ReferenceDocError, match=r"is not a usable Word document: it unpacks to "
                                                r"[\d,]+ bytes, more than the 10,000-byte limit"):
        missing_styles(REFERENCE)


def test_hardening_docs_broken_reference_through_the_cli_exits_2(tmp_path):
    house = _house(tmp_path, BROKEN["entity-bomb"])
    result = CliRunner().invoke(app, ["generate", "--out", str(tmp_path / "out"),
                                      "--reference-docx", str(house), "--quiet"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"briefing: {house} is not a usable Word "
                                                   "document: its XML cannot be read")


RUNAWAY = {
    "recursive-macro": ('{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}\n{{ r(0) }}', 1,
                        "it calls itself without end"),
    "includes-itself": ('a\n{% include "brief.md.j2" %}', 2, "it calls itself without end"),
    "huge-string": ('x\n{{ "x" * 10 ** 10 }}', 2, "would build a value of 10,000,000,000 items"),
    "huge-list": ("{{ ([1] * 100000) * 100000 }}", 1, "would build a value of"),
    "huge-range": ("{% for i in range(10 ** 10) %}x{% endfor %}", 1, "Range too big"),
    "huge-power": ("\n{{ 10 ** (10 ** 8) }}", 2, "is larger than a template may compute"),
    "huge-filter-width": ('{{ "x"|center(10 ** 9) }}', 1, "a size of 1,000,000,000"),
    "huge-method-width": ('{{ "x".zfill(10 ** 9) }}', 1, "a size of 1,000,000,000"),
    "doubling-namespace": ('{% set ns = namespace(s="x") %}\n{% for i in range(64) %}'
                           "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}", 2,
                           "built a value of 33,554,432 items"),
    "nested-loops": ("{% for i in range(100000) %}\n{% for j in range(100000) %}{% endfor %}\n"
                     "{% endfor %}", 2, "it ran for more than 0.5 seconds"),
    "exponential-macro": ("\n{% macro d(n) %}{% if n %}{{ d(n - 1) }}{{ d(n - 1) }}{% endif %}"
                          "{% endmacro %}{{ d(60) }}", 2, "it ran for more than 0.5 seconds"),
    "flood": ('{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}', None,
              "its output passed 20,000,000 characters"),
}


@pytest.mark.parametrize("name", sorted(RUNAWAY))
def test_hardening_docs_runaway_template_names_file_and_line(tmp_path, monkeypatch, name):
    source, line, why = RUNAWAY[name]
    if "0.5 seconds" in why:  # the others stop on their own long before the usual budget
        monkeypatch.setattr(template_budget, "SECONDS", 0.5)
    (tmp_path / "brief.md.j2").write_text(source)
    environment.cache_clear()
    try:
        with pytest.raises(TemplateProblem) as caught:
            render(environment(tmp_path), "brief.md.j2")
    finally:
        environment.cache_clear()
    where = f"template {tmp_path / 'brief.md.j2'}" + (f", line {line}: " if line else ": ")
    assert str(caught.value).startswith(where)
    assert why in str(caught.value) and "\n" not in str(caught.value)


def test_hardening_docs_budget_leaves_ordinary_templates_alone(tmp_path):
    (tmp_path / "brief.md.j2").write_text(
        '{% set ns = namespace(n=0) %}{% for i in range(1000) %}{% set ns.n = ns.n + i %}'
        '{% endfor %}{{ ns.n }} {{ "ab" * 3 }} {{ "x"|center(5) }} {{ 2 ** 10 }} '
        "{{ [1, 2] + [3] }}")
    environment.cache_clear()
    try:
        assert render(environment(tmp_path), "brief.md.j2") == "499500 ababab  x   1024 \\[1, 2, 3\\]"
    finally:
        environment.cache_clear()


def test_hardening_docs_the_sample_brief_renders_with_the_shipped_templates():
    """The start-up sample fills every section the shipped templates have (so a user's copy
    of them is tried on every loop), and renders without a problem."""
    import datetime as dt

    from briefing.compose import compose
    from briefing.compose.sample import sample_event
    from briefing.render.markdown import check_rendering

    event, others = sample_event()
    brief = compose(event, generated=dt.datetime(2000, 1, 4), others=others)
    check_rendering(environment(None), brief)
    text = render(environment(None), "brief.md.j2", brief=brief, mode="full",
                  changes=("The date moved.",), figure="t.png")
    sections = {"Bottom line", "Key facts", "Participants", "Agenda", "Timeline", "Context",
                "Key figures", "Key quotes", "Points of divergence", "Related events",
                "What changed since the previous brief", "Sources"}
    assert sections <= {line[3:] for line in text.splitlines() if line.startswith("## ")}


FAILS_WHILE_RENDERING = {  # each compiles; each fails on the first brief it renders
    "misspelt-field": ("# {{ brief.title }}\n\n{{ brief.titel }}\n", 3, "titel"),
    "wrong-type": ("{% for p in brief.participants %}\n{{ p.name + 1 }}\n{% endfor %}", 2,
                   "TypeError"),
    "index": (None, 2, "no attribute 'nothing_here'"),
}


@pytest.mark.parametrize("name", sorted(FAILS_WHILE_RENDERING))
def test_hardening_docs_a_template_failing_while_rendering_is_refused_at_start_up(
        tmp_path, name):
    source, line, why = FAILS_WHILE_RENDERING[name]
    folder, inputs = tmp_path / "tpl", tmp_path / "in"
    folder.mkdir(), inputs.mkdir()
    template = folder / ("brief.md.j2" if source else "index.md.j2")
    template.write_text(source or "# Briefs\n{{ briefs[0].nothing_here }}\n")
    (inputs / "a.txt").write_text("Talks were held on Monday.\n")
    environment.cache_clear()
    try:  # a model that does not exist: the refusal comes before any parsing
        result = CliRunner().invoke(app, ["generate", str(inputs), "--out", str(tmp_path / "out"),
                                          "--templates", str(folder), "--model", "no_such_model",
                                          "--quiet"])
    finally:
        environment.cache_clear()
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert f"template {template}, line {line}: " in result.stderr and why in result.stderr
    assert not (tmp_path / "out" / ".cache").exists()
