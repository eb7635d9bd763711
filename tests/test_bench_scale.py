"""bench/scale.py's reading of its samples: the cost an article as the store fills."""

from __future__ import annotations

import pytest

from bench.scale import _by_quarter


@pytest.mark.parametrize("samples, quarters", [
    # start-up (9 s before the first batch) is left out; a flat cost stays flat
    ([(0, 9.0, 0.0), (10, 10.0, 2.0), (20, 11.0, 4.0), (30, 12.0, 6.0), (40, 13.0, 8.0), (50, 14.0, 10.0)],
     [(100.0, 200.0)] * 4),
    # a driver cost that grows with the store shows in the last quarters
    ([(0, 0.0, 0.0), (10, 1.0, 0.0), (20, 2.0, 0.0), (30, 3.0, 0.0), (40, 6.0, 0.0), (50, 9.0, 0.0)],
     [(100.0, 0.0), (100.0, 0.0), (300.0, 0.0), (300.0, 0.0)]),
    # quarters no batch ended in have no figure
    ([(0, 1.0, 0.0), (32, 2.0, 0.0), (48, 3.6, 0.0)], [(100.0, 0.0), None, None, None]),
    ([(0, 1.0, 0.0)], []),
])
def test_cost_by_quarter_leaves_out_start_up_and_shows_growth(samples, quarters) -> None:  # type: ignore[no-untyped-def]
    assert [q and tuple(round(v, 6) for v in q) for q in _by_quarter(samples)] == quarters  # type: ignore[arg-type]


def test_a_smaller_size_is_read_as_the_run_passes_it() -> None:
    from bench.scale import _at

    # (stored, seconds, driver CPU s, workers CPU s, driver MB, worker MB, database CPU s) every half second
    samples = [(0, 0.5, 4.0, 0.0, 300.0, 0.0, 0.5), (32, 1.0, 4.5, 3.0, 310.0, 280.0, 1.0),
               (64, 1.5, 5.0, 6.0, 320.0, 290.0, 1.5), (96, 2.0, 5.5, 9.0, 330.0, 300.0, 2.0),
               (128, 2.5, 7.0, 12.0, 400.0, 310.0, 3.0)]
    half = _at(samples, 60)
    assert (half["articles"], half["seconds"], half["driver_cpu"], half["workers_cpu"], half["db_cpu"]) == (
        64, 1.5, 5.0, 6.0, 1.5)
    assert (half["driver_mb"], half["worker_mb"]) == (320.0, 290.0)
    assert half["quarters"][0] == (500 / 32, 3000 / 32, 500 / 32)
    whole = _at(samples, 128)
    assert whole["articles"] == 128 and whole["driver_mb"] == 400.0
    assert whole["quarters"][2] == (1500 / 32, 3000 / 32, 1000 / 32)


def test_a_servers_cpu_counts_its_ended_and_running_children(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    import time

    from bench.scale import _server_cpu_s

    # a "server" that starts a backend burning ~0.3 s of CPU, waits for it, then keeps one running
    code = ("import subprocess, sys\n"
            "burn = 'import sys, time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass'\n"
            "subprocess.run([sys.executable, '-c', burn])\n"
            "then = '\\nopen(sys.argv[1], \"w\").write(\"ready\")\\ntime.sleep(30)'\n"
            "subprocess.run([sys.executable, '-c', burn + then, sys.argv[1]])\n")
    ready = tmp_path / "ready"
    server = subprocess.Popen([sys.executable, "-c", code, str(ready)])
    try:
        while not ready.exists():
            time.sleep(0.05)
        # both backends' CPU: the ended one through the server, the running one from itself
        assert _server_cpu_s(server.pid) >= 0.55
    finally:
        server.kill()
        server.wait()
    assert _server_cpu_s(None) == 0.0
