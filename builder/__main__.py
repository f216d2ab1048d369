"""`python -m builder [--check] [--out DIR]`: rebuild geodata/ from sources/ (see builder/__init__.py).

The build always runs into a scratch folder first; geodata/ (or --out) is replaced only when every check passed,
so a broken source never leaves a half-written geodata/ behind.
"""
from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
import tempfile
from pathlib import Path

from builder.build import run
from builder.inputs import SourceError

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ("catalog.json", "base", "layers", "tables")


def differing(a: Path, b: Path) -> list[str]:
    """Generated files (relative) that differ between two geodata trees or exist in only one."""
    names = {p.relative_to(a) for p in a.rglob("*.*json")} | {p.relative_to(b) for p in b.rglob("*.*json")}
    return sorted(str(n) for n in names
                  if not ((a / n).exists() and (b / n).exists() and filecmp.cmp(a / n, b / n, shallow=False)))


def publish(scratch: Path, target: Path) -> None:
    for name in GENERATED:
        dest = target / name
        if dest.is_dir():
            shutil.rmtree(dest)
        elif dest.exists():
            dest.unlink()
        src = scratch / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    parser.add_argument("--check", action="store_true", help="build into a scratch folder and compare with geodata/")
    parser.add_argument("--out", type=Path, default=ROOT / "geodata", help="where to write (default geodata/)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        try:
            problems = run(ROOT, scratch)
        except SourceError as exc:
            problems = str(exc).splitlines()
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
            return 1
        if args.check:
            diff = differing(scratch, args.out)
            for d in diff:
                print(f"differs from what the sources build: {args.out.name}/{d}", file=sys.stderr)
            print(f"{args.out} matches the sources" if not diff else f"{len(diff)} file(s) differ")
            return 1 if diff else 0
        args.out.mkdir(parents=True, exist_ok=True)
        publish(scratch, args.out)
    print(f"{args.out} rebuilt from sources/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
