"""Faults a public deployment meets, page by page (AppTest, fast): a URL value int() refuses, a missing or truncated
city outline, a missing catalog, a missing plan or tour file, a checkout the server cannot write. Each gives a
clear message naming the file relative to the project (never the server's absolute path) and the page still works.
The stack-trace setting itself is checked in the browser (tests/test_faults.py)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, copy_app, page_texts, run_app_page
from inert import visible

OUTLINE = "geodata/base/dalian_outline.geojson"
OUTLINE_PAGES = ["pages/overview.py", "pages/industry.py", "pages/layout.py", "pages/tour.py", "pages/about.py"]


def assert_no_exception(at) -> None:
    assert not at.exception, [e.message[:300] for e in at.exception]


def shown_text(at) -> str:
    return visible("\n".join(page_texts(at)))  # Markdown escapes resolved: the text a visitor reads


def test_public_config_hides_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize("value", ["²", "١", "3\n", "03x", "9999"])
def test_a_chapter_number_int_refuses_or_no_chapter_has_is_ignored_with_a_notice(value):
    at = run_app_page("pages/plan.py", "en", chapter=value)
    assert_no_exception(at)
    assert any("chapter" in str(t.value) for t in at.toast), "a notice names the ignored parameter"
    assert at.header, "the first chapter is shown instead"


@pytest.mark.parametrize("damage", ["missing", "truncated"])
@pytest.mark.parametrize("page", OUTLINE_PAGES)
def test_a_missing_or_truncated_city_outline_is_named_and_the_page_works(geodata_copy, page, damage):
    outline = geodata_copy / "base" / "dalian_outline.geojson"
    if damage == "missing":
        outline.unlink()
    else:
        outline.write_text(outline.read_text(encoding="utf-8")[:2000], encoding="utf-8")
    at = run_app_page(page, "en")
    assert_no_exception(at)
    warnings = " ".join(visible(w.value) for w in at.warning)
    assert OUTLINE in warnings, warnings[:1000]
    assert ("file is missing" if damage == "missing" else "not valid JSON") in warnings
    assert at.title, "the page still shows"


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/indicators.py", "pages/tour.py", "pages/plan.py",
                                  "pages/about.py"])
def test_a_missing_catalog_is_named_relative_and_the_page_works(geodata_copy, page):
    (geodata_copy / "catalog.json").unlink()
    at = run_app_page(page, "en")
    assert_no_exception(at)
    text = shown_text(at)
    assert "geodata/catalog.json" in text and "missing" in text, text[:1500]
    assert str(geodata_copy) not in text and str(ROOT) not in text, "no server path in the page"
    assert at.title


def test_missing_plan_and_tour_files_are_named_relative_to_the_project(tmp_path, monkeypatch):
    from layers import paths
    from ui import tour

    root = tmp_path / "checkout"  # a project folder without plan/ and content/
    monkeypatch.setattr(paths, "ROOT", root)
    monkeypatch.setattr(paths, "PLAN_TEXT_CANDIDATES", (root / "plan" / "dalian_14th_five_year_plan.txt",))
    monkeypatch.setattr(tour, "TOUR_FILE", root / "content" / "tour.json")
    plan_page = run_app_page("pages/plan.py", "en")
    tour_page = run_app_page("pages/tour.py", "en")
    for at, expected in ((plan_page, "plan/dalian_14th_five_year_plan.txt"), (tour_page, "content/tour.json")):
        assert_no_exception(at)
        text = shown_text(at)
        assert expected in text and "missing" in text, text[:1500]
        assert str(tmp_path) not in text, "no server path in the page"


# --- a checkout the server cannot write ------------------------------------------------------------------------

READ_ONLY_CHECK = r"""
import json, sys
from streamlit.testing.v1 import AppTest
out = {}
for page in ("pages/overview.py", "pages/industry.py", "pages/layout.py"):
    at = AppTest.from_file("app.py", default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page)
        at.run()
    maps = [" ".join(str(v) for v in json.loads(e.proto.json_args).values())
            for e in at.main if type(e).__name__ == "UnknownElement"]
    out[page] = {"exceptions": [e.message[:300] for e in at.exception], "maps": len(maps),
                 "embedded": sum(m.count('"dataUrl":null') for m in maps),
                 "fetched": sum(m.count('"dataUrl":"/app/static/data/') for m in maps)}
print("RESULT " + json.dumps(out))
"""


def _unprivileged(cmd: list[str]) -> list[str]:
    """The command as the unprivileged user `nobody` (as root), or as this user (who then cannot write the copy)."""
    if os.geteuid() != 0:
        return cmd
    if not shutil.which("setpriv"):
        pytest.skip("setpriv (util-linux) is needed to run the app as an unprivileged user")
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *cmd]


def run_read_only(app: Path, home: Path) -> dict:
    env = {**os.environ, "HOME": str(home), "MPLCONFIGDIR": str(home / "mpl"), "PYTHONDONTWRITEBYTECODE": "1",
           "DALIAN_GEODATA": str(app / "geodata")}
    proc = subprocess.run(_unprivileged([sys.executable, "-c", READ_ONLY_CHECK]), cwd=app, env=env,
                          capture_output=True, text=True, timeout=600)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, f"the check did not finish:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return json.loads(line[len("RESULT "):])


@pytest.fixture
def read_only_checkout():
    """A copy of the app that the server's user cannot write (no static/data/ yet, as in a fresh checkout)."""
    base = Path(tempfile.mkdtemp(prefix="dalian-ro-", dir="/tmp"))
    try:
        app = copy_app(base / "app")
        shutil.rmtree(app / "static" / "data", ignore_errors=True)
        home = base / "home"
        home.mkdir()
        os.chmod(base, 0o755)
        if os.geteuid() == 0:
            os.chown(home, 65534, 65534)
        else:
            subprocess.run(["chmod", "-R", "a-w", str(app)], check=True)
        yield app, home
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(base)], check=False)
        shutil.rmtree(base, ignore_errors=True)


def test_the_app_runs_from_a_checkout_it_cannot_write(read_only_checkout):
    app, home = read_only_checkout
    result = run_read_only(app, home)
    for page, seen in result.items():
        assert seen["exceptions"] == [], (page, seen["exceptions"])
        assert seen["maps"] == 1 and seen["embedded"] > 0, (page, seen)  # the map carries its data itself
    assert not (app / "static" / "data").exists(), "nothing was written into the checkout"


def test_data_files_published_at_build_time_are_served_from_a_read_only_checkout(read_only_checkout):
    app, home = read_only_checkout
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "u+w", str(app / "static")], check=True)
    built = subprocess.run([sys.executable, "-m", "layers", "publish"], cwd=app, capture_output=True, text=True,
                           env={**os.environ, "DALIAN_GEODATA": str(app / "geodata")}, timeout=300)
    assert built.returncode == 0, built.stderr
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "a-w", str(app / "static")], check=True)
    before = sorted(p.name for p in (app / "static" / "data").iterdir())
    result = run_read_only(app, home)
    for page, seen in result.items():
        assert seen["exceptions"] == [], (page, seen["exceptions"])
        assert seen["fetched"] > 0 and seen["embedded"] == 0, (page, seen)  # the browser fetches the built files
    assert sorted(p.name for p in (app / "static" / "data").iterdir()) == before
