"""Child processes that end with their parent, and signals that end a run the way Ctrl-C does.

A run starts worker processes (one notebook each), each of which starts a kernel, and may start a low-priority
process that makes the web font. None of them may outlive the command that started them:

* :func:`die_with_parent` — called first thing in a child (a pool initializer, a program the parent started): on
  Linux the kernel signals the child when its parent dies, however the parent dies (SIGKILL included). Kernels
  need nothing more: ipykernel's parent poller ends a kernel within a second of its parent's death.
* :func:`signals_end_run` — while a run is in progress, SIGTERM and SIGHUP raise :class:`Terminated` in the main
  thread, so the run unwinds through its ``finally`` blocks (workers stopped, temporary folders removed) and the
  command line says so in one line with status 128 + the signal's number.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

#: The signals that end a run in order: a terminal closing (SIGHUP) and a polite kill (SIGTERM).
ENDING_SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)

_PR_SET_PDEATHSIG = 1


class Terminated(SystemExit):
    """A signal ended the run; ``code`` is 128 + the signal's number (143 for SIGTERM, 129 for SIGHUP)."""

    def __init__(self, signum: int):
        super().__init__(128 + signum)
        self.signum = signum

    @property
    def message(self) -> str:
        name = {getattr(signal, "SIGHUP", -1): "hung up (SIGHUP)"}.get(self.signum, "terminated")
        return f"fromto: {name}"


def die_with_parent(sig: int = signal.SIGTERM, parent: int | None = None) -> None:
    """Ask the operating system to send this process ``sig`` when its parent dies (Linux ``prctl``; elsewhere a
    no-op). Call it first thing in a child: in a pool initializer, or at the start of a program the parent ran
    (never as a ``preexec_fn``: in a parent with threads that can deadlock before ``exec``). ``parent``, when
    given, is the pid the child was started by: if it is no longer the parent, the parent died before the
    request took effect, and the child ends at once."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):  # no libc with prctl: the run's own clean-up still applies
        return
    if os.getppid() == 1 or (parent is not None and os.getppid() != parent):  # the parent died before that
        os.kill(os.getpid(), sig)


def init_worker() -> None:
    """Initializer of a run's worker processes: the signal handlers of :func:`signals_end_run`, inherited through
    ``fork``, are set back to the default, and the worker is killed (SIGKILL) when its parent dies
    (:func:`die_with_parent`). SIGKILL, because nbclient handles SIGTERM while it runs a notebook: it shuts the
    kernel down and carries on, and a worker whose parent has gone would then wait for ever to hand back its
    result. The kernel of a killed worker ends by itself (ipykernel's parent poller, within a second)."""
    for s in ENDING_SIGNALS:
        signal.signal(s, signal.SIG_DFL)
    die_with_parent(signal.SIGKILL)


def _raise_terminated(signum, frame):
    raise Terminated(signum)


@contextlib.contextmanager
def signals_end_run():
    """For the duration of the block, SIGTERM and SIGHUP raise :class:`Terminated` (in the main thread only; in
    another thread the block changes nothing). The previous handlers come back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _raise_terminated) for s in ENDING_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def stop_pool(pool) -> None:
    """End a ``concurrent.futures.ProcessPoolExecutor`` now: pending work is cancelled and every worker is killed
    (see :func:`init_worker` for why not SIGTERM; a worker's kernel then ends by itself), instead of waiting for
    running notebooks to finish."""
    # ``_processes`` (pid -> Process) is the executor's own record of its workers; there is no public one
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.join(timeout=5)
