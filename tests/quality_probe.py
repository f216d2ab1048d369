"""Quality probes shared by the benchmark (bench/quality.py) and the browser tests: axe-core run in the top
document and in every iframe (the app's maps are iframes), and a layout-shift observer.

axe-core and Lighthouse come from the npm registry into bench/node/ (ignored by git): `ensure_npm_packages`
installs what is missing, once, and says so. Nothing else is fetched: the pages are served from this machine.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "bench" / "node"
NPM_PACKAGES = {"lighthouse": "lighthouse@12", "axe-core": "axe-core@4"}  # name → what npm installs
AXE_FILE = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
LIGHTHOUSE_CLI = NODE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"

# Sums every layout shift not caused by input, in the document it runs in (an init script runs in every frame);
# keeps a short description of what moved, for reports.
LAYOUT_SHIFT_OBSERVER = """
(() => {
  window.__layoutShift = {total: 0, entries: []};
  const describe = node => {
    if (!node || !node.tagName) return String(node && node.nodeName);
    const id = node.id ? '#' + node.id : '';
    const test = node.getAttribute('data-testid') ? `[data-testid=${node.getAttribute('data-testid')}]` : '';
    const cls = typeof node.className === 'string' && node.className ? '.' + node.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
    return node.tagName.toLowerCase() + id + test + cls;
  };
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__layoutShift.total += e.value;
        const box = r => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
        window.__layoutShift.entries.push({t: Math.round(e.startTime), value: e.value, sources: (e.sources || []).map(
          s => `${describe(s.node)} ${box(s.previousRect)} → ${box(s.currentRect)}`)});
      }
    }).observe({type: 'layout-shift', buffered: true});
  } catch (e) { /* no Layout Instability API: total stays 0 */ }
})();
"""


def ensure_npm_packages(names: tuple[str, ...] = tuple(NPM_PACKAGES)) -> None:
    """Install the named npm packages into bench/node/ if they are missing (the only download this does)."""
    wanted = [NPM_PACKAGES[n] for n in names if not (NODE_DIR / "node_modules" / n / "package.json").is_file()]
    if not wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm not found (Debian: apt-get install -y npm); needed once for " + " ".join(wanted))
    print(f"installing {' '.join(wanted)} from the npm registry into {NODE_DIR.relative_to(ROOT)}/ ...",
          file=sys.stderr, flush=True)
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund", "--loglevel=error",
                    *wanted], check=True)


def axe_source() -> str:
    ensure_npm_packages(("axe-core",))
    return AXE_FILE.read_text(encoding="utf-8")


def _inject(frame, source: str) -> bool:
    try:
        if not frame.evaluate("() => !!window.axe"):
            frame.evaluate(source + "\n;0")
        return frame.evaluate("() => !!window.axe")
    except Exception:  # a frame that went away while we looked
        return False


def _run_partial(frame, context, source: str, options: dict) -> list:
    """axe.runPartial in frame, then in each child frame axe asks for, depth first (the order finishRun expects);
    None stands for a frame that could not be tested."""
    if not _inject(frame, source):
        return [None]
    frame_contexts = frame.evaluate("c => window.axe.utils.getFrameContexts(c)", context)
    results = [frame.evaluate("([c, o]) => window.axe.runPartial(c, o)", [context, options])]
    for item in frame_contexts:
        child = None
        try:
            handle = frame.evaluate_handle("s => window.axe.utils.shadowSelect(s)", item["frameSelector"])
            element = handle.as_element()
            child = element.content_frame() if element else None
        except Exception:
            child = None
        results.extend(_run_partial(child, item["frameContext"], source, options) if child else [None])
    return results


def axe_violations(page, source: str | None = None) -> dict[str, list[str]]:
    """axe-core's violations in the page, its iframes included: rule id → the failing nodes (frame-qualified CSS
    selectors with axe's reason), e.g. {"color-contrast": ["[data-testid=stCaptionContainer] p (Element has
    insufficient color contrast of 3.9 …)", ...]}."""
    source = source or axe_source()
    # target-size (WCAG 2.2 AA, 24 px targets) is not in axe's default set; Lighthouse runs it, and it finds the
    # map's overlapping cluster bubbles, which sit in the map's iframe where Lighthouse does not look.
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    partials = _run_partial(page.main_frame, {"exclude": []}, source, options)  # the whole document
    results = page.main_frame.evaluate("([p, o]) => window.axe.finishRun(p, o)", [partials, options])
    return {v["id"]: [_describe(n) for n in v["nodes"]] for v in results["violations"]}


def _describe(node: dict) -> str:
    """A failing node: its frame-qualified selector and axe's reason (e.g. the colours and their contrast)."""
    target = " >> ".join(t if isinstance(t, str) else " ".join(t) for t in node["target"])
    reason = " ".join((node.get("failureSummary") or "").split("\n")[1:2]).strip()
    return f"{target} ({reason[:160]})" if reason else target


def layout_shift(page) -> tuple[float, list[dict]]:
    """The top document's layout-shift total (inputs excluded) and its entries, from LAYOUT_SHIFT_OBSERVER."""
    data = page.evaluate("() => window.__layoutShift || {total: NaN, entries: []}")
    return data["total"], data["entries"]
