#!/usr/bin/env python3
"""Peer for bench 1: numpy.busday_offset doing N "+20 working days" on ISO strings.

    python3 bench/peers/numpy_busday.py <bank-holidays.json> [N]

N defaults to 1,000,000. Builds N ISO date strings spread uniformly over
2015-01-01..2030-12-31 with a fixed seed (not timed), then times, end to end,
what a JS function taking and returning strings does:

    np.array(strs, dtype='datetime64[D]')        parse the strings
    np.busday_offset(d, 20, roll='forward', holidays=...)
    .astype(str).tolist()                        back to a Python list of str

Best of 3 runs. Prints one JSON line:
    {"peer":"numpy.busday_offset","calls":N,"seconds":...,"callsPerSecond":...}
or, when numpy cannot be imported (exit 0):
    {"peer":"numpy.busday_offset","skipped":"numpy not available"}

Holidays: the "england-and-wales" events of a gov.uk bank-holidays.json
(the reference copy covers 2012-2028; outside those years only weekends are
skipped, which makes no difference to timing).

Semantics note: roll='forward' first moves a non-working start (weekend or
bank holiday) forward to the next working day and then counts +20 from there,
so for a Saturday or Sunday start the result is one working day later than
"20 working days strictly after the date" (the library's addWorkingDays).
For working-day starts the two agree. For timing this does not matter: the
work done per call is the same.
"""

import json
import sys
import time

PEER = "numpy.busday_offset"
DEFAULT_N = 1_000_000
REPEATS = 3
SEED = 20240327


def emit(obj):
    sys.stdout.write(json.dumps(obj, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: python3 bench/peers/numpy_busday.py <bank-holidays.json> [N]\n")
        return 2
    try:
        import numpy as np
    except Exception:  # ImportError, or a broken install
        emit({"peer": PEER, "skipped": "numpy not available"})
        return 0

    path = argv[1]
    n = int(argv[2]) if len(argv) > 2 else DEFAULT_N
    if n <= 0:
        sys.stderr.write("N must be a positive integer\n")
        return 2

    with open(path, encoding="utf-8-sig") as fh:
        data = json.load(fh)
    holidays = np.array(
        sorted(e["date"] for e in data["england-and-wales"]["events"]),
        dtype="datetime64[D]",
    )

    # N ISO strings over 2015-01-01..2030-12-31 (inclusive), fixed seed; not timed.
    lo = np.datetime64("2015-01-01", "D").astype(np.int64)
    hi = np.datetime64("2030-12-31", "D").astype(np.int64)
    rng = np.random.default_rng(SEED)
    days = rng.integers(lo, hi + 1, size=n, dtype=np.int64)
    strs = days.astype("datetime64[D]").astype(str).tolist()  # list of Python str
    assert isinstance(strs[0], str) and len(strs) == n

    best = float("inf")
    result = None
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        d = np.array(strs, dtype="datetime64[D]")
        out = np.busday_offset(d, 20, roll="forward", holidays=holidays)
        result = out.astype(str).tolist()
        elapsed = time.perf_counter() - t0
        best = min(best, elapsed)

    assert len(result) == n and isinstance(result[0], str)
    emit({
        "peer": PEER,
        "calls": n,
        "seconds": round(best, 6),
        "callsPerSecond": round(n / best),
    })
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
