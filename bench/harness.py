"""What the list benches share: measuring every case of a dataset, and checking that each
group of pages costs the same statements at every size."""

from bench.bench_visits import measure


def run_cases(engine, cases, runs: int, width: int) -> dict[str, int]:
    """Measure each (name, call, group) case, print a table row each; statements by name."""
    print(f"{'page':<{width}} {'SQL':>4} {'median ms':>10} {'p95 ms':>8} {'rows':>5}")
    counts = {}
    for name, call, _group in cases:
        statements, median, p95, size = measure(engine, call, runs)
        counts[name] = statements
        print(f"{name:<{width}} {statements:>4} {median:>10.2f} {p95:>8.2f} {size:>5}")
    return counts


def steady(counts: list[dict[str, int]], cases, sizes: str) -> bool:
    """Whether every group costs the same statements on every page and at every size."""
    by_group: dict[str, set[int]] = {}
    for measured in counts:
        for name, _call, group in cases:
            by_group.setdefault(group, set()).add(measured[name])
    varying = [group for group, seen in by_group.items() if len(seen) != 1]
    if varying:
        print(f"statement counts differ for: {', '.join(varying)}")
        return False
    print(f"statement counts: the same on every page, with {sizes}")
    return True
