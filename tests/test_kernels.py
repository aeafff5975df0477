"""Forked kernels (fromto.kernels): the same outputs as ordinary kernels, a clean fallback, and no orphans."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from fromto import kernels, paths, runner

pytestmark = pytest.mark.skipif(not kernels.supported(), reason="kernels are forked only on Linux")

#: Cells whose outputs must not depend on how the kernel was started.
PROBE = [
    "import pandas as pd\npd.DataFrame({f'c{i}': range(3) for i in range(30)})",
    "pd.get_option('display.max_columns'), pd.get_option('display.width')",
    "import sys, os\nsys.path[:2] == [p for p in os.environ['PYTHONPATH'].split(os.pathsep)][:2], sys.argv[1], os.getcwd()",
    "import matplotlib\nmatplotlib.get_backend()",
    "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(2, 1))\nax.plot([0, 1], [1, 0])\nplt.show()",
    "import threading\nsorted(t.name for t in threading.enumerate() if t.name != 'fromto-lifeline')",
    "sorted(k for k in os.environ if k != 'FROMTO_KERNEL_SERVER')",
    "get_ipython().__class__.__name__, type(get_ipython().kernel).__name__, __name__",
    "print('stdout'); print('stderr', file=sys.stderr)",
]


def _probe(folder: Path, name: str) -> Path:
    nb = new_notebook(cells=[new_markdown_cell("# Probe")] + [new_code_cell(src) for src in PROBE]
                      + [new_code_cell("os.getppid()")])
    path = folder / name
    nbformat.write(nb, path)
    return path


def _outputs(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [c.outputs for c in nb.cells if c.cell_type == "code"]


def _wait_for(sock: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not os.path.exists(sock):
        assert time.monotonic() < deadline, "the fork server did not come up"
        time.sleep(0.05)


@pytest.fixture
def kernel_env(monkeypatch):
    runner._kernel_environment()  # what a run sets: PYTHONHASHSEED, PYTHONPATH, MPLBACKEND ...
    yield
    for key in ("PYTHONHASHSEED", "FROMTO_WORKERS", "MPLBACKEND"):
        monkeypatch.delenv(key, raising=False)


def test_a_forked_kernel_gives_the_same_outputs_as_an_ordinary_one(tmp_path, kernel_env):
    plain = _probe(tmp_path, "plain.ipynb")
    runner.execute_notebook(plain)
    forked = _probe(tmp_path, "forked.ipynb")
    with kernels.fork_server() as server:
        _wait_for(os.environ[kernels.SERVER_ENV])
        runner.execute_notebook(forked)
    a, b = _outputs(plain), _outputs(forked)
    assert a[:-1] == b[:-1]
    assert any("image/png" in o.get("data", {}) for o in a[4]), "the inline figure was not shown"
    assert "20" in a[1][0]["data"]["text/plain"], "pandas does not believe it runs in a kernel"
    assert int(b[-1][0]["data"]["text/plain"]) == server.pid, "the kernel was not forked by the server"
    assert int(a[-1][0]["data"]["text/plain"]) != server.pid


def test_without_a_server_or_when_refused_the_kernel_starts_the_ordinary_way(tmp_path, kernel_env, monkeypatch):
    # no server: the manager's command is the ordinary one
    monkeypatch.delenv(kernels.SERVER_ENV, raising=False)
    km = kernels.manager_class()(kernel_name="python3")
    assert km.format_kernel_cmd()[:3] == [sys.executable, "-m", "ipykernel_launcher"]
    with kernels.fork_server() as server:
        sock = os.environ[kernels.SERVER_ENV]
        _wait_for(sock)
        assert km.format_kernel_cmd()[:4] == [sys.executable, "-S", str(kernels.LAUNCHER), sock]
        # an environment the server was not started with (read at import time): refused, the kernel still runs
        monkeypatch.setenv("FROMTO_CACHE", str(tmp_path / "other-cache"))
        path = _probe(tmp_path, "refused.ipynb")
        runner.execute_notebook(path)
        assert int(_outputs(path)[-1][0]["data"]["text/plain"]) != server.pid


def _start_kernel_through_launcher(server, tmp_path: Path):
    """Run the launcher the way a kernel manager would; return (launcher process, kernel pid)."""
    from jupyter_client.connect import write_connection_file

    conn, _ = write_connection_file(str(tmp_path / "kernel.json"))
    cmd = [sys.executable, "-m", "ipykernel_launcher", "-f", conn]
    sock = os.environ[kernels.SERVER_ENV]
    proc = subprocess.Popen([sys.executable, "-S", str(kernels.LAUNCHER), sock, *cmd], start_new_session=True,
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ))
    deadline = time.monotonic() + 30
    while True:  # the kernel is the server's child
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True).stdout
        if out.split():
            return proc, int(out.split()[0])
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()  # it may have become an ordinary kernel: do not leave it running
            proc.wait(timeout=10)
            raise AssertionError("no forked kernel appeared")
        time.sleep(0.05)


def _kill(proc, kernel: int) -> None:
    """Leave no process behind, whatever the test found."""
    for pid in (kernel, proc.pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait(timeout=10)


def _gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_killing_the_launcher_outright_ends_the_forked_kernel(tmp_path, kernel_env):
    with kernels.fork_server() as server:
        _wait_for(os.environ[kernels.SERVER_ENV])
        proc, kernel = _start_kernel_through_launcher(server, tmp_path)
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # what a kernel manager's kill does
            proc.wait(timeout=10)
            assert _gone(kernel), "the forked kernel outlived its launcher"
        finally:
            _kill(proc, kernel)


def test_the_launcher_passes_signals_on_and_ends_as_the_kernel_ended(tmp_path, kernel_env):
    with kernels.fork_server() as server:
        _wait_for(os.environ[kernels.SERVER_ENV])
        proc, kernel = _start_kernel_through_launcher(server, tmp_path)
        try:
            time.sleep(1)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == -signal.SIGTERM
            assert _gone(kernel)
        finally:
            _kill(proc, kernel)


def test_the_server_refuses_a_request_that_is_not_its_kernel_command(tmp_path, kernel_env):
    with kernels.fork_server():
        sock = os.environ[kernels.SERVER_ENV]
        _wait_for(sock)
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        conn.connect(sock)
        r, w = os.pipe()
        request = {"argv": [sys.executable, "-c", "print('hello')"], "cwd": str(tmp_path), "env": dict(os.environ)}
        socket.send_fds(conn, [json.dumps(request).encode()], [0, 1, 2, r])
        reply = json.loads(conn.recv(1 << 16))
        os.close(r)
        os.close(w)
        assert "refused" in reply and "ipykernel_launcher" in reply["refused"]


def test_the_server_ends_and_its_socket_goes_when_the_run_ends(kernel_env):
    with kernels.fork_server() as server:
        sock = os.environ[kernels.SERVER_ENV]
        _wait_for(sock)
    assert server.returncode == 0
    assert not os.path.exists(sock) and kernels.SERVER_ENV not in os.environ


def test_refusal_reasons():
    env = {"PYTHONHASHSEED": "0", "PATH": "/bin"}
    ok = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "x.json"], "cwd": str(paths.ROOT),
          "env": dict(env, JPY_PARENT_PID="123")}
    assert kernels._refusal(ok, env) is None
    assert "PYTHONHASHSEED" in kernels._refusal(dict(ok, env=dict(env, PYTHONHASHSEED="1")), env)
    assert "command" in kernels._refusal(dict(ok, argv=["/usr/bin/python3", "-m", "ipykernel_launcher"]), env)
    assert "folder" in kernels._refusal(dict(ok, cwd="/no/such/folder"), env)


def _launcher_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("fromto_kernel_launcher", kernels.LAUNCHER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_launcher_waits_for_a_server_that_is_alive_and_still_importing_but_not_for_a_dead_one(tmp_path):
    launcher = _launcher_module()
    sock = str(tmp_path / "server.sock")
    assert not launcher._server_starting(sock), "no pid file: nothing to wait for"
    importing = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / "server.pid").write_text(f"{importing.pid}\n", encoding="ascii")
        assert launcher._server_starting(sock)
        importing.kill()
        deadline = time.monotonic() + 10
        while launcher._server_starting(sock):  # dead but not yet reaped (a zombie): not starting any more
            assert time.monotonic() < deadline
            time.sleep(0.05)
        t0 = time.monotonic()
        launcher._wait_for_server(sock)
        assert time.monotonic() - t0 < 1
    finally:
        importing.kill()
        importing.wait()
