"""Kernels forked from one warm process, so a full run pays Python's start-up and imports once, not per notebook.

Every notebook runs in a fresh ``python3`` kernel. Started the ordinary way, each kernel spends about 0.7 s of CPU
starting IPython and ZeroMQ and another 0.4-1.1 s importing pandas, matplotlib and this package before its first
line of work: with five notebooks on two cores, some 7 s of a 25 s run. The runner therefore starts a *fork
server* (``python -m fromto.kernels SOCKET``) that imports those modules once and then forks a kernel for each
notebook, in a few milliseconds. Forking shares the imported modules copy-on-write; the kernel itself (its IPython
shell, sockets, namespace, matplotlib backend) is set up after the fork, in the child, exactly as
``ipykernel_launcher`` sets it up, so a notebook's outputs are the same byte for byte either way (a test runs the
notebooks both ways and compares).

What stays as it was:

* The kernel manager (nbclient's) still launches a process per kernel: :class:`ForkingKernelManager` runs the
  small stand-in ``fromto/_kernel_launcher.py`` in front of the ordinary command. The stand-in asks the server for
  a kernel, passes the manager's signals on to it, and exits with its status; if it is killed, the kernel ends too.
* A server that is still importing is waited for (up to a minute, while it is alive); whenever the server is
  missing, has died, or refuses, the stand-in simply becomes the ordinary kernel.
  The server refuses any request whose environment differs from its own other than in the kernel manager's
  ``JPY_*`` variables (``PYTHONHASHSEED``, ``PYTHONPATH``, ``FROMTO_*`` and the locale are read at start-up or
  import time), or whose command is not the ``python -m ipykernel_launcher`` it was started for.
* Only where the operating system has what this needs (``fork``, ``pidfd_open``, passing file descriptors over
  Unix sockets: Linux). ``FROMTO_FORK_KERNELS=0`` turns it off.

The server imports only modules: it never starts IPython, matplotlib's backend, or anything that looks at whether
it runs inside IPython at import time (``matplotlib_inline.backend_inline`` is left for the kernel to import), and
it has no threads when it forks.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

#: The environment variable through which the kernel manager finds the server's socket.
SERVER_ENV = "FROMTO_KERNEL_SERVER"
#: Set to 0 to start every kernel the ordinary way.
SWITCH_ENV = "FROMTO_FORK_KERNELS"
#: The stand-in a forking kernel manager runs in front of the kernel command.
LAUNCHER = Path(__file__).with_name("_kernel_launcher.py")

#: What the server imports before it forks: the kernel's own machinery and what the notebooks import.
#: Not ``ipykernel.kernelapp`` itself: its class reads ``JPY_PARENT_PID`` (different for every kernel) when it is
#: imported, so each kernel imports it (7 ms, once the modules below are there).
PRELOAD = (
    "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.iostream", "ipykernel.heartbeat", "ipykernel.control",
    "ipykernel.shellchannel", "ipykernel.parentpoller", "IPython.core.shellapp", "IPython.core.application",
    "IPython.display",
    "numpy", "pandas", "matplotlib", "matplotlib.pyplot", "PIL.Image",
    "fromto.paths", "fromto.textio", "fromto.clean", "fromto.tokens", "fromto.discovery", "fromto.vocab",
    "fromto.transitions", "fromto.codebook", "fromto.devset", "fromto.qda", "fromto.findings", "fromto.style",
    "fromto.corpus", "fromto.corpus_report", "rjieba",
)
#: Pure functions of installed files whose results the server computes once for every kernel after the first:
#: jieba's dict.txt as parsed by the tokenizer (0.5 s in each notebook that segments). Nothing here reads the
#: environment or a path a notebook can change.
PRECOMPUTE = ("fromto.tokens:_dictionary",)


_IMPORTED_PER_KERNEL = "ipykernel.kernelapp"


def supported() -> bool:
    """Whether kernels can be forked here (Linux: fork, pidfd_open and fd passing), and it is not switched off."""
    return (os.environ.get(SWITCH_ENV, "1").strip() not in {"0", "false", "no", "off"}
            and sys.platform.startswith("linux") and hasattr(os, "fork") and hasattr(os, "pidfd_open")
            and hasattr(socket, "send_fds") and hasattr(socket, "SOCK_SEQPACKET"))


def _kernel_command() -> list[str]:
    return [sys.executable, "-m", "ipykernel_launcher"]


# ---------------------------------------------------------------------------------------------------- the manager


def _manager_class():
    from jupyter_client.manager import AsyncKernelManager

    from traitlets import Float

    class ForkingKernelManager(AsyncKernelManager):
        """A kernel manager that runs the stand-in launcher in front of the ordinary ``ipykernel_launcher``
        command when a fork server is announced in the environment; otherwise ``AsyncKernelManager``.

        It also waits less for a kernel to end once its notebook is done: 1 s (SIGTERM after half of it) instead
        of 5 s (after 2.5 s). ipykernel 7 sometimes hangs on its way out — its control thread blocks publishing
        the last "idle" status while the main thread closes the IOPub thread (a race also reported as
        posit-dev/positron#7142) — and until the terminate signal frees it, which cost 2.5-3.5 s in about one
        kernel in five here. Every cell has run and every output has arrived by then."""

        shutdown_wait_time = Float(1.0, config=True, help="Seconds to wait for a kernel to end before killing it.")

        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            server = os.environ.get(SERVER_ENV)
            if server and cmd[:3] == _kernel_command():
                return [sys.executable, "-S", str(LAUNCHER), server, *cmd]
            return cmd

    return ForkingKernelManager


@functools.lru_cache(maxsize=1)
def manager_class():
    """The kernel manager class for nbclient's ``NotebookClient(kernel_manager_class=...)``."""
    return _manager_class()


# ---------------------------------------------------------------------------------------------------- the server


@contextlib.contextmanager
def fork_server():
    """Start a fork server for the duration of the block (announced in ``os.environ`` for the kernel managers of
    this process and its children); a no-op where :func:`supported` says no. The server is stopped, and its socket
    removed, when the block ends, whatever happens in it."""
    if not supported() or os.environ.get(SERVER_ENV):
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="fromto-kernels-"))
    sock = folder / "server.sock"
    os.environ[SERVER_ENV] = str(sock)  # before the server starts: its environment must be the kernels' one
    proc = None
    try:
        proc = subprocess.Popen([sys.executable, "-m", "fromto.kernels", str(sock)], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                                # os.environ, as kernel managers pass it: the C-level environment can hold more
                                # (a library's putenv), and the server must see what the kernels will see
                                env=dict(os.environ))
        pid_file = folder / "server.pid"  # launchers wait for a server that is alive but still importing
        pid_file.with_suffix(".tmp").write_text(f"{proc.pid}\n", encoding="ascii")
        pid_file.with_suffix(".tmp").replace(pid_file)
        yield proc
    finally:
        os.environ.pop(SERVER_ENV, None)
        if proc is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()  # the server ends when its stdin does
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _refusal(request: dict, own_env: dict) -> str | None:
    """Why ``request`` cannot be served by this server (None if it can)."""
    argv = request.get("argv")
    if not isinstance(argv, list) or argv[:3] != _kernel_command():
        return "not the ipykernel_launcher command of this interpreter"
    env = request.get("env")
    if not isinstance(env, dict):
        return "no environment"
    differ = sorted(k for k in set(env) | set(own_env) if env.get(k) != own_env.get(k) and not k.startswith("JPY_"))
    if differ:
        return "environment differs in " + ", ".join(differ[:5])
    if not isinstance(request.get("cwd"), str) or not os.path.isdir(request["cwd"]):
        return "no working folder"
    return None


def _become_kernel(request: dict, fds: list[int], lifeline: int, imported_env: dict) -> None:
    """In the forked child: take the launcher's stdio, folder, environment and arguments, then run the kernel as
    ``ipykernel_launcher`` would. Never returns."""
    import random
    import threading

    status = 1
    try:
        for target, fd in zip((0, 1, 2), fds):
            os.dup2(fd, target)
        for fd in fds:
            os.close(fd)

        def watch_lifeline():
            while os.read(lifeline, 1):  # EOF: the launcher (the kernel manager's process) is gone
                pass
            os._exit(1)

        threading.Thread(target=watch_lifeline, name="fromto-lifeline", daemon=True).start()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for key, value in imported_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        random.seed()  # the server's state is every child's: reseed as a fresh interpreter would be seeded
        if "numpy.random" in sys.modules:
            sys.modules["numpy.random"].seed()
        import ipykernel_launcher

        sys.argv = [ipykernel_launcher.__file__, *request["argv"][3:]]
        from ipykernel import kernelapp

        try:
            kernelapp.launch_new_instance()
            status = 0
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        import atexit

        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001 — report and end this child; the server goes on
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)


class _KernelShellStandIn:
    """What a module that asks ``get_ipython()`` at import time is told while the server imports it: that it runs
    inside a Jupyter kernel, as it will. pandas is one: it sets ``display.max_columns`` to 20 in a kernel and to
    0 (fit the terminal) elsewhere, which would change every table a notebook prints."""

    kernel = True


def _preload() -> None:
    """Import :data:`PRELOAD` as a kernel would: with ``get_ipython`` answering (see :class:`_KernelShellStandIn`).
    A module that fails to import is left for the kernel to import (and fail on) itself."""
    import builtins

    stand_in = _KernelShellStandIn()
    builtins.get_ipython = lambda: stand_in
    try:
        for name in PRELOAD:
            with contextlib.suppress(Exception):
                importlib.import_module(name)
    finally:
        del builtins.get_ipython


def _precompute() -> None:
    """Call :data:`PRECOMPUTE` (failures are left for the kernels to meet themselves)."""
    for target in PRECOMPUTE:
        module, _, function = target.partition(":")
        with contextlib.suppress(Exception):
            getattr(importlib.import_module(module), function)()


def serve(sock_path: str) -> None:
    """The server: import :data:`PRELOAD`, listen on ``sock_path``, fork a kernel per request; end when stdin
    closes (the runner has finished or died)."""
    # as ipykernel_launcher does before its imports: the folder the process started in is not a module folder
    if sys.path and (sys.path[0] in ("", os.getcwd())):
        del sys.path[0]
    own_env = dict(os.environ)
    _preload()
    if _IMPORTED_PER_KERNEL in sys.modules:  # a preloaded module pulled it in: it would hold this process's JPY_*
        return
    # what an import did to the environment, an ordinary kernel's imports would do to its own: children redo it
    imported_env = {k: os.environ.get(k) for k in set(os.environ) | set(own_env) if os.environ.get(k) != own_env.get(k)}
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    tmp = sock_path + ".tmp"
    listener.bind(tmp)
    listener.listen(16)
    os.replace(tmp, sock_path)  # the socket appears only once the server can answer
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ, "listen")
    sel.register(sys.stdin.fileno(), selectors.EVENT_READ, "stdin")
    children: dict[int, tuple[int, socket.socket]] = {}  # pidfd -> (pid, connection to its launcher)
    precomputed = False
    while True:
        for key, _ in sel.select():
            what = key.data
            if what == "stdin":
                if not os.read(key.fd, 4096):
                    # the runner is done: end now, without tearing down the imported modules one by one (0.3 s);
                    # the kernels are separate processes, each tied to its own launcher
                    os._exit(0)
            elif what == "listen":
                conn, _ = listener.accept()
                try:
                    message, fds, _, _ = socket.recv_fds(conn, 1 << 20, 4)
                    request = json.loads(message)
                except (OSError, ValueError):
                    conn.close()
                    continue
                reason = _refusal(request, own_env) if len(fds) == 4 else "expected four file descriptors"
                if reason:
                    print(f"fromto.kernels: refused: {reason}", file=sys.stderr, flush=True)
                    for fd in fds:
                        os.close(fd)
                    with contextlib.suppress(OSError):
                        conn.send(json.dumps({"refused": reason}).encode())
                    conn.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    sel.close()
                    listener.close()
                    for _, (_, other) in children.items():
                        other.close()
                    conn.close()
                    _become_kernel(request, fds[:3], fds[3], imported_env)
                for fd in fds:
                    os.close(fd)
                pidfd = os.pidfd_open(pid)
                children[pidfd] = (pid, conn)
                sel.register(pidfd, selectors.EVENT_READ, "child")
                with contextlib.suppress(OSError):
                    conn.send(json.dumps({"pid": pid}).encode())
                if not precomputed:  # after the first kernel, not before it: the run's first notebook need not wait
                    _precompute()
                    precomputed = True
            else:  # a kernel ended: tell its launcher how
                pid, conn = children.pop(key.fd)
                sel.unregister(key.fd)
                os.close(key.fd)
                _, wstatus = os.waitpid(pid, 0)
                ended = ({"signal": os.WTERMSIG(wstatus)} if os.WIFSIGNALED(wstatus)
                         else {"exit": os.waitstatus_to_exitcode(wstatus)})
                with contextlib.suppress(OSError):
                    conn.send(json.dumps(ended).encode())
                conn.close()


if __name__ == "__main__":
    serve(sys.argv[1])
