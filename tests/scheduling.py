"""How pytest-xdist shares the test files among its processes (``make test``: ``-n`` the
cores + 1, ``--dist loadfile``).

Each test file runs whole in one process, as with xdist's ``loadfile``, with two changes:

- files that share a session fixture costly to set up (the engines and the graphs loaded into
  them, the browser and its server, the linking store) run in the same process, so that the
  fixture is set up once per run instead of once per process (``GROUPS``);
- the longest work goes first (``COSTS``, then the number of tests), so that no process is
  left with a long file at the end while the others have finished: the run's wall time is
  its slowest process's; the second process starts with the longest work that does not read
  the full build (``WITHOUT_BUILD``) instead of waiting for the first one to make it.

The scheduler is used only under ``--dist loadfile`` with pytest-xdist installed; a run in one
process is unchanged.
"""

from __future__ import annotations

from typing import Any

#: test files (or folders, ending in "/") that run in one process, by group
GROUPS: dict[str, str] = {
    # Oxigraph and Virtuoso started, and the graphs of the build loaded into each, once
    "tests/engines/": "engines",
    # headless Chromium and the read-only UI server started once (tests/ui/conftest.py)
    "tests/ui/test_browser.py": "browser",
    "tests/ui/test_contrast.py": "browser",
    "tests/ui/test_curation_browser.py": "browser",
    "tests/ui/test_query_errors_browser.py": "browser",
    "tests/ui/test_seed_review_browser.py": "browser",
    "tests/ui/test_phone_and_labels_browser.py": "browser",
    "tests/ui/test_reference_summary_browser.py": "browser",
    # the linking store (a build of the registry, the documents and a data set) made once
    "tests/linking/": "linking",
}

#: about how long a file or group takes, in seconds of one core: the CPU of its tests and of
#: the processes they reaped, measured test by test in a run of the whole suite in place on
#: 2026-12-06, session 16, with its changes (docs/testing.md, "Session 16"; two processes, as
#: ``make test`` ran then, the full build given, so not counted; the machine shared with other helpers,
#: load average 2.8-9.1, median 5.6). The engines' count adds the full build (about 33 s),
#: which their process makes (the first unit handed out, the linking group, reads the build
#: only in its later files); the browser's adds its Chromium and UI server (about 16 s),
#: reaped at the end of its process; the release's holds the run's whole-graph export
#: (``export_lines_path``, about 17-21 s), made by whichever of the release and the export
#: asks first (the release, handed out first). Every unit of 3.5 s or more is here: an order,
#: not a promise; a file missing here counts 0.3 s per test
COSTS: dict[str, float] = {
    # (session 19, s19-speed: the matcher cheaper on misses, the group about 15 s less: one
    # pair before/after, 220 -> 203 s of CPU with the build, on a loaded machine; session 20,
    # s20-suite: `diplograph link --store` and `link FILE` on the run's matcher, about 9 s less)
    "linking": 116,
    "engines": 111,
    # session 21, s21-suite: the whole graph's release at gzip level 1 (about 4 s less)
    "tests/graph/test_release.py": 57,
    "browser": 28,
    "tests/issues/test_14_atomic_rebuild.py": 25,
    "tests/issues/test_12_search_index_restart.py": 24,
    # session 21, s21-suite2: `wars-and-disputes` OPTIONALs tied to the state (about 14 s less)
    "tests/loaders/test_events_data.py": 22,
    "tests/graph/test_export.py": 21,
    "tests/issues/test_14_smaller.py": 16,
    "tests/issues/test_15_serve_reads_only_store.py": 16,
    "tests/issues/test_14_replace_drain.py": 15,
    "tests/loaders/test_build_incremental.py": 15,
    "tests/server/test_e2e_real_graph.py": 14,
    # session 20: each data set's text loaded by the store's parser (about 3.7 s less)
    "tests/loaders/test_tables.py": 10,
    "tests/cli/test_cli_details.py": 12,
    "tests/server/test_e2e_server.py": 10,
    "tests/issues/test_14_burst.py": 10,
    "tests/issues/test_12_index_after_build.py": 10,
    "tests/server/test_w3c_protocol.py": 8,
    "tests/issues/test_15_matcher_reads_store.py": 7,
    "tests/issues/test_14_leak.py": 6,
    "tests/cli/test_cli.py": 5,
    "tests/server/test_dumps.py": 5,
    "tests/server/test_clients.py": 5,
    "tests/extraction/test_corpus_and_review.py": 5,
    "tests/queries/test_cookbook.py": 5,
    "tests/ui/test_pictures.py": 5,
    "tests/server/test_page_cache.py": 5,
    "tests/test_doctests.py": 5,
    "tests/loaders/test_cow_igo.py": 4,
    "tests/server/test_protocol.py": 4,
    "tests/issues/test_14_update_limits.py": 4,
    "tests/server/test_search_index.py": 4,
    # session 18: its extraction and its registry store made once for the file (about 7 s less)
    "tests/server/test_curation.py": 4,
}

#: work units that never read the full build (``built_store_path`` in tests/conftest.py)
WITHOUT_BUILD = ("tests/issues/test_12_search_index_restart.py", "browser",
                 "tests/server/test_clients.py", "tests/server/test_w3c_protocol.py")


def order(units: list[tuple[str, int]]) -> list[str]:
    """The work units (name, number of tests) in the order they are handed out.

    >>> order([("a.py", 3), ("engines", 60), ("browser", 20), ("b.py", 90)])
    ['engines', 'browser', 'b.py', 'a.py']
    """
    names = [n for n, _ in sorted(units, key=lambda u: -COSTS.get(u[0], 0.3 * u[1]))]
    second = next((n for n in names[1:] if n in WITHOUT_BUILD), None)
    if second is not None:
        names.remove(second)
        names.insert(1, second)
    return names


def group_of(path: str) -> str:
    """The work unit of a test file: its group, or the file itself.

    >>> group_of("tests/engines/test_push.py"), group_of("tests/graph/test_diff.py")
    ('engines', 'tests/graph/test_diff.py')
    """
    for prefix, group in GROUPS.items():
        if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
            return group
    return path


def make_scheduler(config: Any, log: Any) -> Any:
    """xdist's ``loadfile`` scheduler with the groups and the order above."""
    from xdist.scheduler import LoadFileScheduling

    class GroupedFileScheduling(LoadFileScheduling):  # type: ignore[misc]
        ordered = False

        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid.split("::", 1)[0])

        def _assign_work_unit(self, node: Any) -> None:
            if not self.ordered:  # the queue is complete at the first assignment
                units = dict(self.workqueue)
                self.workqueue.clear()
                for name in order([(n, len(tests)) for n, tests in units.items()]):
                    self.workqueue[name] = units[name]
                self.ordered = True
            super()._assign_work_unit(node)

    return GroupedFileScheduling(config, log)
