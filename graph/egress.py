"""Deny outbound network connections in a process that evaluates SPARQL.

pyoxigraph evaluates ``SERVICE <url>`` and ``LOAD <url>`` by opening an HTTP connection, and
offers no switch to turn that off. The query text is checked before it reaches the engine
(:mod:`.sparql_safety`), but a check of the text can only be as good as its reading of the
grammar. This module makes federation impossible *by construction*: it installs a seccomp
filter (Linux) under which the process can no longer create a network socket. ``socket()``
with any address family other than ``AF_UNIX`` fails with ``EACCES``, so ``SERVICE`` and
``LOAD`` fail with a connection error and nothing leaves the machine (no TCP, no UDP, hence no
DNS query of its own either). Sockets created before the filter keep working: a granian
worker creates its listening socket *after* the app factory returns (measured with strace:
``socket``, ``bind``, ``listen`` in the worker), so the server installs the filter just
before the first request is handled (:func:`before_first_call`), and the worker goes on
accepting and answering on that socket.

The filter is a classic BPF program written here with :mod:`ctypes` (no libseccomp): it
applies to every thread of the process (``SECCOMP_FILTER_FLAG_TSYNC``), to every child it
starts, and cannot be removed. It is built for x86_64 and aarch64; any other architecture,
an old kernel, or a container that forbids seccomp gets a warning and no filter.

When the operator allow-lists federation targets, allowed ``SERVICE`` calls must connect, so
no filter is installed; the text check is then the only guard (see docs/endpoint.md).

>>> build_filter("x86_64")[:2] == [(0x20, 0, 0, 4), (0x15, 1, 0, 0xC000003E)]
True
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import platform
import struct
import threading
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["deny_outbound", "before_first_call", "is_denied", "build_filter", "ARCHES"]

log = logging.getLogger(__name__)

# BPF instruction classes and fields (linux/filter.h, linux/bpf_common.h)
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K

_RET_ALLOW = 0x7FFF0000  # SECCOMP_RET_ALLOW
_RET_ERRNO = 0x00050000  # SECCOMP_RET_ERRNO | errno

# offsets in struct seccomp_data
_OFF_NR = 0
_OFF_ARCH = 4
_OFF_ARG0 = 16  # the low 32 bits of args[0] (little-endian)

_AF_UNIX = 1
_X32_SYSCALL_BIT = 0x40000000

#: machine -> (AUDIT_ARCH_*, __NR_socket, __NR_seccomp)
ARCHES: dict[str, tuple[int, int, int]] = {
    "x86_64": (0xC000003E, 41, 317),
    "aarch64": (0xC00000B7, 198, 277),
}

_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1

_installed = False


def build_filter(machine: str) -> list[tuple[int, int, int, int]]:
    """The BPF program (``code, jt, jf, k`` tuples) for ``machine`` (``platform.machine()``).

    A system call of another architecture (a 32-bit call from a 64-bit process) or of the
    x32 ABI is refused outright: none of this service's code makes one.
    """
    arch, nr_socket, _ = ARCHES[machine]
    deny = _RET_ERRNO | errno.EACCES
    prog = [
        (_LD_W_ABS, 0, 0, _OFF_ARCH),
        (_JEQ_K, 1, 0, arch),  # the native architecture: go on
        (_RET_K, 0, 0, deny),
        (_LD_W_ABS, 0, 0, _OFF_NR),
    ]
    if machine == "x86_64":
        prog += [(_JGE_K, 0, 1, _X32_SYSCALL_BIT), (_RET_K, 0, 0, deny)]
    prog += [
        (_JEQ_K, 1, 0, nr_socket),  # socket(): look at its family
        (_RET_K, 0, 0, _RET_ALLOW),
        (_LD_W_ABS, 0, 0, _OFF_ARG0),
        (_JEQ_K, 0, 1, _AF_UNIX),
        (_RET_K, 0, 0, _RET_ALLOW),
        (_RET_K, 0, 0, deny),
    ]
    return prog


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _install(machine: str) -> None:
    """Install the filter on every thread of this process; ``OSError`` if refused."""
    prog = build_filter(machine)
    raw = b"".join(struct.pack("=HBBI", *ins) for ins in prog)
    buf = ctypes.create_string_buffer(raw, len(raw))
    fprog = _SockFprog(len(prog), ctypes.cast(buf, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                           ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        e = ctypes.get_errno()
        raise OSError(e, f"prctl(PR_SET_NO_NEW_PRIVS): {os.strerror(e)}")
    libc.syscall.restype = ctypes.c_long
    rc = libc.syscall(ctypes.c_long(ARCHES[machine][2]),
                      ctypes.c_ulong(_SECCOMP_SET_MODE_FILTER),
                      ctypes.c_ulong(_SECCOMP_FILTER_FLAG_TSYNC), ctypes.byref(fprog))
    if rc != 0:
        e = ctypes.get_errno()
        if rc > 0:  # TSYNC: the id of a thread that could not be synchronised
            raise OSError(errno.EBUSY, f"thread {rc} could not take the filter")
        raise OSError(e, f"seccomp(SECCOMP_SET_MODE_FILTER): {os.strerror(e)}")


def deny_outbound(allow_federation: Sequence[str] | str = (), *, what: str = "process") -> bool:
    """Forbid network sockets in this process from now on; True if the filter is in place.

    ``allow_federation``: the operator's SERVICE/LOAD allow-list (a sequence, or the
    space/comma-separated text of ``DIPLOGRAPH_ALLOW_FEDERATION``); when it is not empty no
    filter is installed, with a warning saying the text check is the only guard. ``what``
    names the process in the log lines. Calling it again is harmless.
    """
    global _installed
    if isinstance(allow_federation, str):
        allow_federation = allow_federation.replace(",", " ").split()
    if _installed:
        return True
    if allow_federation:
        log.warning("%s %d: outbound connections are NOT blocked, because federation is "
                    "allow-listed (%s); the SERVICE/LOAD check of the query text is the only "
                    "guard", what, os.getpid(), " ".join(allow_federation))
        return False
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    if platform.system() != "Linux" or machine not in ARCHES:
        log.warning("%s %d: cannot block outbound connections on %s/%s (seccomp filter "
                    "only on Linux x86_64/aarch64); the SERVICE/LOAD check of the query text "
                    "is the only guard", what, os.getpid(), platform.system(), machine)
        return False
    try:
        _install(machine)
    except (OSError, AttributeError) as e:
        log.warning("%s %d: the kernel refused the seccomp filter that blocks outbound "
                    "connections (%s); the SERVICE/LOAD check of the query text is the only "
                    "guard", what, os.getpid(), e)
        return False
    _installed = True
    log.info("%s %d: outbound network connections blocked (seccomp: socket() of any family "
             "but AF_UNIX fails)", what, os.getpid())
    return True


def is_denied() -> bool:
    """Whether :func:`deny_outbound` installed the filter in this process."""
    return _installed


def before_first_call(fn: Callable[..., Any], allow_federation: Sequence[str] | str = (), *,
                      what: str = "process") -> Callable[..., Any]:
    """``fn``, wrapped so that :func:`deny_outbound` runs once before its first call.

    For a server whose listening socket is created after the application is built (granian):
    every call waits until the filter is in place, so no query runs before it; afterwards the
    wrapper costs one attribute test per call.
    """
    lock = threading.Lock()
    state = {"done": False}

    def call(*args: Any, **kwargs: Any) -> Any:
        if not state["done"]:
            with lock:
                if not state["done"]:
                    deny_outbound(allow_federation, what=what)
                    state["done"] = True
        return fn(*args, **kwargs)

    call.__wrapped__ = fn  # type: ignore[attr-defined]
    return call
