#!/usr/bin/env python3
"""Peer for the review-cycle audit: what an analyst writes instead, with duckdb + numpy + pandas.

    python3 bench/peers/review_cycle_duckdb.py <events.csv> <bank-holidays.json> <as-of>

The lac-review `review-cycle` rule on a generic events CSV: sequences from
became-looked-after (restart placed-for-adoption, end ceased-looked-after or
adoption-order), the 1st review due 20 working days after the start, the 2nd 91
days after the 1st, then 183 days after the previous; statuses at the as-of
date (met, met-late, overdue, due-soon within 5 working days, pending). duckdb
reads and filters the file, a Python loop walks each case's rows once, numpy
does the date arithmetic (busday_offset) and the statuses. Prints one JSON line:
    {"peer":"duckdb+numpy","rows":...,"occurrences":...,"counts":{...},"seconds":...}
or, when python3, duckdb, numpy or pandas is missing (exit 0):
    {"peer":"duckdb+numpy","skipped":"..."}
`--loader numpy` reads the file with numpy instead of duckdb (slow; to check the
logic where duckdb is not installed); the output then says so.
"""
import json, sys, time

def emit(o): sys.stdout.write(json.dumps(o, separators=(",", ":")) + "\n")

def load(path, as_of, loader):
    import numpy as np
    if loader == "numpy":
        raw = np.loadtxt(path, dtype=str, delimiter=",", skiprows=1, usecols=(0, 1, 2), comments=None)
        case, event, day = raw[:, 0], raw[:, 1], raw[:, 2].astype("datetime64[D]")
        rows = len(case)
        keep = day <= np.datetime64(as_of)
        return rows, list(case[keep]), list(event[keep]), day[keep].astype(np.int64)
    import duckdb
    rows = duckdb.sql(f"SELECT count(*) FROM read_csv('{path}', header=true, all_varchar=true)").fetchone()[0]
    df = duckdb.sql(f"""SELECT case_id, event, CAST(date AS DATE) AS d FROM read_csv('{path}', header=true, all_varchar=true)
                        WHERE CAST(date AS DATE) <= DATE '{as_of}'""").df()  # file order is kept (cases grouped, dates sorted)
    return rows, df["case_id"].tolist(), df["event"].tolist(), df["d"].to_numpy().astype("datetime64[D]").astype(np.int64)

def main(argv):
    if len(argv) < 4: sys.stderr.write(__doc__); return 2
    loader = "numpy" if "--loader" in argv and argv[argv.index("--loader") + 1] == "numpy" else "duckdb"
    try:
        import numpy as np
        if loader == "duckdb": import duckdb, pandas  # noqa: F401
    except Exception as e:
        emit({"peer": "duckdb+numpy", "skipped": f"{e.__class__.__name__}: {e} (pip install duckdb numpy pandas in a venv)"}); return 0
    path, hol_path, as_of = argv[1], argv[2], argv[3]
    t0 = time.perf_counter()
    hol = np.array([e["date"] for e in json.load(open(hol_path, encoding="utf-8-sig"))["england-and-wales"]["events"]], dtype="datetime64[D]")
    rows, case, event, day = load(path, as_of, loader)
    # One pass over the rows: sequences, and per occurrence (previous day, n, completing review or -1, end or -1).
    prev, num, done, end = [], [], [], []
    def flush(evs):
        seqs, open_ = [], False
        for t, d in evs:
            if open_ and t in ("ceased-looked-after", "adoption-order", "placed-for-adoption"):
                seqs[-1][1] = d; open_ = t == "placed-for-adoption"
                if open_: seqs.append([d, -1])
            elif not open_ and t == "became-looked-after":
                open_ = True; seqs.append([d, -1])
        reviews = sorted({d for t, d in evs if t == "lac-review"})
        for s, e in seqs:
            p, n = s, 1
            for r in reviews:
                if (r >= p if n == 1 else r > p) and (e < 0 or r <= e):
                    prev.append(p); num.append(n); done.append(r); end.append(e); p, n = r, n + 1
            prev.append(p); num.append(n); done.append(-1); end.append(e)  # the open one, judged if due before the end
    evs, current = [], None
    for c, t, d in zip(case, event, day.tolist()):
        if c != current:
            if evs: flush(evs)
            evs, current = [], c
        evs.append((t, d))
    if evs: flush(evs)
    prev, num, done, end = (np.array(x, dtype=np.int64) for x in (prev, num, done, end))
    p = prev.astype("datetime64[D]")
    wd20 = np.busday_offset(p, 20, roll="backward", holidays=hol).astype(np.int64)  # 20 WD strictly after
    due = np.where(num == 1, wd20, prev + np.where(num == 2, 91, 183))
    keep = (done >= 0) | ~((end >= 0) & (due >= end))
    due, done, end = due[keep], done[keep], end[keep]
    at = np.where(end >= 0, end, np.datetime64(as_of).astype(np.int64))
    dd = due.astype("datetime64[D]")
    warn = np.where(np.is_busday(dd, holidays=hol), np.busday_offset(dd, -5, roll="backward", holidays=hol),
                    np.busday_offset(dd, -4, roll="backward", holidays=hol)).astype(np.int64)
    is_open = done < 0
    counts = {"met": int(((~is_open) & (done <= due)).sum()), "met-late": int(((~is_open) & (done > due)).sum()),
              "overdue": int((is_open & (due < at)).sum()), "due-soon": int((is_open & (due >= at) & (at >= warn)).sum()),
              "pending": int((is_open & (due >= at) & (at < warn)).sum())}
    out = {"peer": "duckdb+numpy" if loader == "duckdb" else "numpy-loader (duckdb not used)", "rows": rows,
           "occurrences": int(keep.sum()), "counts": counts, "seconds": round(time.perf_counter() - t0, 6)}
    emit(out); return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))
