"""Benchmarks: diplograph against ``oxigraph serve`` and rdflib-endpoint (see bench/README.md).

Run ``python -m bench run --size 100k``. Modules: :mod:`bench.generate` (synthetic data),
:mod:`bench.load` (import/export), :mod:`bench.servers` (start/stop servers),
:mod:`bench.loadgen` (HTTP load generator), :mod:`bench.mixes` (query mixes),
:mod:`bench.report` (tables), :mod:`bench.profile` (py-spy on the server).
"""

SIZES: dict[str, int] = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}


def parse_size(text: str) -> int:
    """A size name or a number of triples.

    >>> parse_size("1m"), parse_size("2500"), parse_size("20k")
    (1000000, 2500, 20000)
    """
    t = text.strip().lower().replace("_", "")
    if t in SIZES:
        return SIZES[t]
    mult = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t[:-1] if mult != 1 else t) * mult)
