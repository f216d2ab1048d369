"""What the cut_*.py scripts of sources/reference/ share (stdlib only).

LON, LAT   the Dalian box every box-cut extract is cut with (degrees; west/east, south/north).
inside()   whether one record's lon/lat lies in that box, bounds inclusive; False when either is not a number.
cli()      the command line of every cutter: check the argument count, print the script's docstring to
           stderr on misuse (exit 2), otherwise write the header and the rows as CSV to stdout
           (UTF-8 and "\\n" line ends whatever the platform or locale).

The scripts import it as `from cutlib import ...`. They are run as `python sources/reference/cut_x.py ...`
(from the repository root, from this folder or from anywhere else), and Python then puts the script's own
folder, which holds this file, first on sys.path. That is not so under `python -P` / PYTHONSAFEPATH or
`python -m`; run the scripts by path.
"""
from __future__ import annotations

import csv
import io
import sys
from typing import Callable, Iterable, Sequence

LON = (120.8, 123.9)
LAT = (38.6, 40.3)


def inside(lon: str | float, lat: str | float) -> bool:
    """True if (lon, lat) is in the Dalian box, bounds included; False if either is not a number.

    Strings are read with float() as they stand (surrounding blanks allowed), so the caller keeps the
    source's text for its output and passes the same text here."""
    try:
        x, y = float(lon), float(lat)
    except (TypeError, ValueError):
        return False
    return LON[0] <= x <= LON[1] and LAT[0] <= y <= LAT[1]


def cli(doc: str, argv: Sequence[str], min_args: int, max_args: int | None,
        header: Sequence[str], rows_of: Callable[[list[str]], Iterable[Sequence[object]]]) -> int:
    """Run one cutter: `rows_of(args)` gives the rows; returns the exit status (0, or 2 on misuse).

    max_args None means no upper limit. The rows are made before anything is written, so a cut that
    fails (a missing file, say) leaves stdout empty rather than holding a lone header."""
    args = list(argv)
    if len(args) < min_args or (max_args is not None and len(args) > max_args):
        print(doc, file=sys.stderr)
        return 2
    rows = list(rows_of(args))
    text = io.StringIO(newline="")
    out = csv.writer(text, lineterminator="\n")
    out.writerow(header)
    out.writerows(rows)
    data = text.getvalue()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # stdout replaced by a text-only stream (an in-process caller)
        sys.stdout.write(data)
        return 0
    sys.stdout.flush()
    binary.write(data.encode("utf-8"))
    binary.flush()
    return 0
