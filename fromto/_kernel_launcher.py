"""Stand-in for a kernel process: ask the kernel fork server (:mod:`fromto.kernels`) for a kernel, or start one.

Run as a script, not imported: ``python -S _kernel_launcher.py SOCKET CMD...`` where ``CMD`` is the command the
kernel manager would have run (``python -m ipykernel_launcher -f CONNECTION_FILE ...``). Standard library only,
and started without ``site``, so it costs a few milliseconds.

A server that is still importing is waited for (its kernels start in milliseconds once it listens). If the
server answers, this process stays as the kernel manager's view of the kernel: it passes the manager's
signals (interrupt, terminate) on to the forked kernel and exits with the kernel's exit status. It holds the write
end of a pipe whose read end the kernel watches, so if this process is killed outright the kernel ends too. If the
server is not there, not ready, or refuses (its environment differs from the one the kernel is asked to run in),
this process becomes ``CMD`` itself: an ordinary kernel, exactly as without the server.
"""

import json
import os
import signal
import socket
import sys
import time


#: How long to wait for a server that is still importing before starting an ordinary kernel instead.
STARTUP_WAIT = 60.0


def _server_starting(sock_path: str) -> bool:
    """Whether the server that will answer on ``sock_path`` is alive but not listening yet (importing). Its pid is
    in ``server.pid`` beside the socket; a server that died is a zombie until the runner reaps it, so the process
    state is read, not just whether the pid exists."""
    try:
        with open(os.path.join(os.path.dirname(sock_path), "server.pid"), encoding="ascii") as fh:
            pid = int(fh.read().strip())
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except (OSError, ValueError, IndexError):
        return False
    return state not in ("Z", "X")


def _wait_for_server(sock_path: str) -> None:
    deadline = time.monotonic() + STARTUP_WAIT
    while not os.path.exists(sock_path) and time.monotonic() < deadline and _server_starting(sock_path):
        time.sleep(0.02)


def _ask(sock_path: str, cmd: list) -> tuple:
    """Return (socket, kernel pid, lifeline write end), or (None, None, None) when no forked kernel is to be had."""
    _wait_for_server(sock_path)
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        conn.connect(sock_path)
    except OSError:
        return None, None, None
    read_end, write_end = os.pipe()
    try:
        request = json.dumps({"argv": cmd, "cwd": os.getcwd(), "env": dict(os.environ)}).encode("utf-8")
        socket.send_fds(conn, [request], [0, 1, 2, read_end])
        reply = json.loads(conn.recv(1 << 16) or b"{}")
    except (OSError, ValueError):
        reply = {}
    finally:
        os.close(read_end)
    pid = reply.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        conn.close()
        os.close(write_end)
        return None, None, None
    return conn, pid, write_end


def main() -> None:
    sock_path, cmd = sys.argv[1], sys.argv[2:]
    conn, pid, lifeline = _ask(sock_path, cmd)
    if conn is None:
        os.execv(cmd[0], cmd)

    def relay(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, relay)
    try:
        message = conn.recv(1 << 16)  # the server writes {"exit": status} or {"signal": n} when the kernel ends
        ended = json.loads(message) if message else {}
    except (OSError, ValueError):
        ended = {}
    os.close(lifeline)
    if isinstance(ended.get("signal"), int):  # end the way the kernel ended, so the manager sees the same status
        signal.signal(ended["signal"], signal.SIG_DFL)
        os.kill(os.getpid(), ended["signal"])
    status = ended.get("exit", 1)
    sys.exit(status if isinstance(status, int) else 1)


if __name__ == "__main__":
    main()
