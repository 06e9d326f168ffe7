"""``narrate serve``: the show folder over HTTP/1.1 the way podcast apps need it.

Podcast apps probe with HEAD and byte ranges, revalidate with ETag / If-Modified-Since and reuse
keep-alive connections, so every response carries the exact Content-Length. Only single ranges
are honoured (a malformed or multi-range header gets the full 200). Nothing outside the show
folder is reachable (``..``, dot-files, symlinks out), nor the catalog and settings.

A single-threaded asyncio ``Protocol`` (why: docs/architecture.md, "The server"): strict HTTP/1.1
parsing with a bounded head, files found and described by ``files.ShowFiles``, bodies sent with
``os.sendfile``. A connection gets at most ``TURN_BYTES`` / ``TURN_REQUESTS`` per loop turn. Hostile
clients: connections are capped below the open-file limit (at the cap the longest-waiting one
without a whole request is cut), a request head must arrive within ``HEAD_TIMEOUT`` s, idle
connections close after ``IDLE_TIMEOUT`` s, and logged request lines have control characters
escaped.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from narrate.errors import ConfigError
from narrate.podcast.files import ShowFiles
from narrate.podcast.http import (  # noqa: I001
    STATUS_LINES,
    UNSATISFIABLE,
    BadRequest,
    default_max_connections,
    etag_matches,
    http_time,
    if_range_ok,
    log_safe,
    parse_head,
    parse_range,
)

MAX_HEAD = 64 * 1024  # request line + header fields, bytes
IDLE_TIMEOUT = 60.0  # idle (or stuck) connections are closed after a minute
HEAD_TIMEOUT = 10.0  # a request head must arrive whole within this (slowloris)
SWEEP_EVERY = 1.0  # seconds between checks of the two timeouts
BACKLOG = 128  # listen queue
ACCEPT_BATCH = 16  # connections accepted per loop turn
TURN_BYTES = 1 << 20  # body bytes one connection may send per event-loop turn
TURN_REQUESTS = 32  # pipelined requests one connection may have answered per turn
COPY_CHUNK = 64 * 1024  # handed to the transport when the socket is full
_MSG_MORE = getattr(socket, "MSG_MORE", 0)

class _Connection(asyncio.Protocol):
    """One client connection: parse requests from ``buf``, answer them in order."""

    def __init__(self, server: ShowServer, loop: asyncio.AbstractEventLoop) -> None:
        self.srv = server
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.sock: socket.socket | None = None
        self.sock_fd = -1
        self.peer = "-"
        self.buf = b""
        self.last = time.monotonic()
        self.head_since = 0.0  # when the incomplete request head in ``buf`` began (0: none)
        self.closed = False
        self.eof = False
        self.reading = True
        self.keep = True  # keep the connection after the current response
        self.v11 = True
        self.body_fd = -1  # file whose bytes are still being sent
        self.body_off = 0
        self.body_left = 0
        self.scheduled = False

    # ------------------------------------------------------------ transport callbacks
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        # pause_writing as soon as anything is buffered, resume_writing once it is all sent:
        # the socket is then empty of transport data whenever we sendfile() into it directly
        transport.set_write_buffer_limits(high=0)
        # our own handle on the socket, for send(MSG_MORE) and sendfile(); closed with the connection
        try:
            self.sock = transport.get_extra_info("socket").dup()
        except OSError:  # out of descriptors: drop this one, keep serving the others
            self.closed = True
            transport.abort()
            return
        self.sock_fd = self.sock.fileno()
        peer = transport.get_extra_info("peername")
        self.peer = str(peer[0]) if peer else "-"
        self.srv._admit(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self.srv._open -= 1
        self.closed = True
        self._drop_body()
        if self.sock is not None:
            self.sock.close()
        self.srv._conns.discard(self)

    def data_received(self, data: bytes) -> None:
        self.last = time.monotonic()
        self.buf = self.buf + data if self.buf else data
        if self.body_fd < 0 and not self.scheduled:
            self._process()
        if self.reading and len(self.buf) > 2 * MAX_HEAD and not self.closed:
            self.transport.pause_reading()  # answers are not being read: stop taking requests
            self.reading = False

    def eof_received(self) -> bool:
        self.eof = True  # answer what was asked, then close (half-closed clients still read)
        if self.body_fd < 0 and not self.scheduled:
            self._process()
        return True

    def pause_writing(self) -> None:
        """Nothing to do: _pump and _process look at the transport's buffer themselves."""

    def resume_writing(self) -> None:
        self.last = time.monotonic()
        self._continue()

    # ------------------------------------------------------------ the request loop
    def _continue(self) -> None:
        self.scheduled = False
        if self.closed:
            return
        if self.body_fd >= 0:
            self._pump()
        if self.body_fd < 0 and not self.scheduled:
            self._process()

    def _later(self) -> None:
        if not self.scheduled:
            self.scheduled = True
            self.loop.call_soon(self._continue)

    def _process(self) -> None:
        transport = self.transport
        handled = 0
        while not self.closed:
            if self.body_fd >= 0:
                return  # resume_writing / _later carries on
            if not self.keep:
                self._close()
                return
            if transport.get_write_buffer_size():
                return  # client not reading: stop answering pipelined requests (resume_writing)
            buf = self.buf
            if buf[:1] in (b"\r", b"\n"):
                buf = self.buf = buf.lstrip(b"\r\n")  # RFC 9112 2.2: ignore leading blank lines
            end, skip = buf.find(b"\r\n\r\n"), 4
            bare = buf.find(b"\n\n")  # a head with bare LF line ends (tolerated)
            if bare >= 0 and (end < 0 or bare < end):
                end, skip = bare, 2
            if end < 0 or end > MAX_HEAD:
                if len(buf) > MAX_HEAD:
                    self._refuse(431, "request header fields too large", "-")
                    continue
                if buf and not self.head_since:
                    self.head_since = time.monotonic()
                break
            head = buf[:end]
            self.buf = buf[end + skip:]
            self.head_since = 0.0
            self._request(head)
            handled += 1
            if handled >= TURN_REQUESTS:
                self._later()  # let other connections have a turn
                return
        if self.closed:
            return
        if self.eof:
            self._close()
        elif not self.reading:
            self.reading = True
            transport.resume_reading()

    def _request(self, head: bytes) -> None:
        try:
            method, target, version, h = parse_head(head)
        except BadRequest as e:
            line = head.split(b"\n", 1)[0].rstrip(b"\r").decode("latin-1")[:200]
            self._refuse(e.status, e.text, line)
            return
        self.v11 = version == b"HTTP/1.1"
        tokens = h.get("connection", "").lower()
        self.keep = "close" not in tokens if self.v11 else "keep-alive" in tokens
        length = h.get("content-length")
        if length is not None and not (length.isascii() and length.isdigit()):
            self._refuse(400, "bad content-length", f"{method} {target} {version.decode()}")
            return
        if "transfer-encoding" in h or (length is not None and length.strip("0")):
            self.keep = False  # a request body is never read: the connection cannot be reused
        line = f"{method} {target} {version.decode()}"
        if method == "GET" or method == "HEAD":
            self._serve(line, target, h, head=method == "HEAD")
        elif method == "OPTIONS":
            self._respond(204, line, "Allow: GET, HEAD, OPTIONS\r\nAccess-Control-Allow-Origin: *\r\n"
                          "Access-Control-Allow-Methods: GET, HEAD, OPTIONS\r\n"
                          "Access-Control-Allow-Headers: Range, If-None-Match, If-Modified-Since\r\n"
                          "Content-Length: 0\r\n")
        elif method in ("POST", "PUT", "DELETE", "PATCH"):
            self.keep = False
            self._plain(405, line, "method not allowed", extra="Allow: GET, HEAD, OPTIONS\r\n")
        else:
            self.keep = False
            self._plain(501, line, "unsupported method")

    # ------------------------------------------------------------ responses
    def _head(self, status: int, line: str, fields: str) -> bytes:
        """The status line and header block (logged here: one line per response)."""
        if self.keep:
            conn = "" if self.v11 else "Connection: keep-alive\r\n"
        else:
            conn = "Connection: close\r\n"
        if not self.srv.quiet:
            self.srv._log(self.peer, line, status)
        return (STATUS_LINES[status] + self.srv._stamp() + fields + conn + "\r\n").encode("latin-1")

    def _respond(self, status: int, line: str, fields: str, body: bytes = b"") -> None:
        data = self._head(status, line, fields)
        self.transport.write(data + body if body else data)

    def _plain(self, status: int, line: str, text: str, *, head: bool = False, extra: str = "") -> None:
        body = (text + "\n").encode()
        self._respond(status, line, "Content-Type: text/plain; charset=utf-8\r\n"
                      f"Content-Length: {len(body)}\r\n{extra}", b"" if head else body)

    def _refuse(self, status: int, text: str, line: str) -> None:
        """A request we cannot frame or interpret: say why, then close (no resync attempt)."""
        self.keep = False
        self.buf = b""
        self._plain(status, line, text)
        self._close()

    def _serve(self, line: str, target: str, h: dict[str, str], *, head: bool) -> None:
        found = self.srv.files.open(target)
        if found is None:
            self._plain(404, line, "not found", head=head)
            return
        fd, st, real = found
        etag, last_modified, mtime, ctype, common = self.srv.files.meta(real, st)
        size = st.st_size

        inm = h.get("if-none-match")
        if inm is not None:
            not_modified = etag_matches(inm, etag, weak=True)
        elif "if-modified-since" in h:
            since = http_time(h["if-modified-since"])
            not_modified = since is not None and mtime <= since
        else:
            not_modified = False
        if not_modified:
            os.close(fd)
            self._respond(304, line, common)
            return

        status, first, last = 200, 0, size - 1
        rng = h.get("range")
        if rng is not None:
            if_range = h.get("if-range")
            if if_range is None or if_range_ok(if_range, etag, last_modified):
                parsed = parse_range(rng, size)
                if parsed == UNSATISFIABLE:
                    os.close(fd)
                    self._respond(416, line, f"Content-Range: bytes */{size}\r\nContent-Length: 0\r\n"
                                  + common)
                    return
                if isinstance(parsed, tuple):
                    status, (first, last) = 206, parsed
        length = last - first + 1 if size else 0
        if status == 206:
            fields = f"{ctype}Content-Length: {length}\r\nContent-Range: bytes {first}-{last}/{size}\r\n{common}"
        else:
            fields = f"{ctype}Content-Length: {length}\r\n{common}"
        self._start_body(self._head(status, line, fields), fd, first, length if not head else 0)

    def _start_body(self, data: bytes, fd: int, first: int, length: int) -> None:
        """Send a header block, then ``length`` bytes of ``fd`` from ``first`` (closing fd)."""
        transport = self.transport
        if length == 0:
            os.close(fd)
            transport.write(data)
            return
        self.body_fd, self.body_off, self.body_left = fd, first, length
        if transport.get_write_buffer_size():
            transport.write(data)
        else:  # MSG_MORE: the header block leaves in the same segment as the body's start
            try:
                n = self.sock.send(data, _MSG_MORE)
            except BlockingIOError:
                n = 0
            except OSError:
                self._abort()
                return
            if n < len(data):
                transport.write(data[n:])
        self._pump()

    def _pump(self) -> None:
        """Send the current body: sendfile() while the socket takes it; when it is full, hand
        one chunk to the transport and wait for resume_writing."""
        fd, off, left = self.body_fd, self.body_off, self.body_left
        transport = self.transport
        sent = 0
        try:
            while left:
                if self.closed or transport.get_write_buffer_size():
                    break
                if sent >= TURN_BYTES:
                    self._later()
                    break
                try:
                    n = os.sendfile(self.sock_fd, fd, off, left)
                except BlockingIOError:
                    chunk = os.pread(fd, min(left, COPY_CHUNK), off)
                    n = len(chunk)
                    if n:
                        transport.write(chunk)
                if n == 0:  # the file shrank under us: the promised length can't be met
                    self._abort()
                    return
                off += n
                left -= n
                sent += n
        except OSError:  # reset, broken pipe, read error
            self._abort()
            return
        if self.closed:
            return
        self.body_off, self.body_left = off, left
        if sent:
            self.last = time.monotonic()
        if not left:
            self._drop_body()

    def _drop_body(self) -> None:
        if self.body_fd >= 0:
            os.close(self.body_fd)
            self.body_fd = -1

    def _close(self) -> None:
        if not self.closed:
            self.closed = True
            self.transport.close()  # after what is buffered has been sent

    def _abort(self) -> None:
        if not self.closed:
            self.closed = True
            self.transport.abort()


class ShowServer:
    """An HTTP/1.1 server rooted at one show folder, bound on creation; ``serve_forever`` runs
    its event loop in the calling thread until ``shutdown`` (from another thread) or Ctrl-C."""

    def __init__(self, folder: Path, host: str, port: int, *, quiet: bool = False,
                 max_connections: int | None = None) -> None:
        self.max_connections = max_connections or default_max_connections()
        self.files = ShowFiles(folder)
        self.root = self.files.root
        self.quiet = quiet
        if host.lower() in ("localhost", "localhost."):
            host = "127.0.0.1"  # RFC 6761: always loopback, even where /etc/hosts says nothing
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port}: not an address or host name of "
                              f"this machine ({(exc.strerror or str(exc)).lower()}); give --host "
                              "an IP address such as 127.0.0.1 or 0.0.0.0", str(folder)) from None
        infos.sort(key=lambda info: info[0] != socket.AF_INET)  # IPv4 first, as browsers expect
        family, kind, proto, _, addr = infos[0]
        self.socket = socket.socket(family, kind, proto)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind(addr)
            self.socket.listen(BACKLOG)
        except OSError as exc:
            self.socket.close()
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                              str(folder)) from None
        self.server_address = self.socket.getsockname()
        self._conns: set[_Connection] = set()
        self._open = 0  # accepted connections whose descriptors are not yet closed
        self._stamp_sec = -1
        self._stamp_text = ""
        self._log_lines: list[str] = []
        self._log_sec = -1
        self._log_stamp = ""
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Future | None = None
        self._shutdown_request = False
        self._done = threading.Event()
        self._done.set()
        from narrate import __version__

        self.server_version = f"narrate/{__version__}"

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"  # RFC 3986

    # ------------------------------------------------------------ lifecycle
    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Run until ``shutdown()``; ``poll_interval`` is accepted for socketserver parity."""
        loop = asyncio.new_event_loop()
        with self._lock:
            if self._shutdown_request:
                self._shutdown_request = False
                loop.close()
                return
            self._loop = loop
            self._done.clear()
        main = loop.create_task(self._run())
        try:
            loop.run_until_complete(main)
        finally:
            with self._lock:
                self._loop = None
                self._shutdown_request = False
            if not main.done():  # Ctrl-C
                main.cancel()
                loop.run_until_complete(asyncio.gather(main, return_exceptions=True))
            for conn in list(self._conns):
                conn._abort()
            loop.run_until_complete(asyncio.sleep(0))  # connection_lost callbacks
            self._flush_log()
            loop.close()
            self._done.set()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        self._stop = loop.create_future()
        if self._shutdown_request:
            return
        loop.set_exception_handler(self._loop_error)
        self.socket.setblocking(False)
        loop.add_reader(self.socket.fileno(), self._accept, loop)
        sweeper = loop.call_later(min(SWEEP_EVERY, IDLE_TIMEOUT / 6), self._sweep)
        try:
            await self._stop
        finally:
            sweeper.cancel()
            loop.remove_reader(self.socket.fileno())

    def _wake(self) -> None:
        if self._stop is not None and not self._stop.done():
            self._stop.set_result(None)

    def shutdown(self) -> None:
        """Stop ``serve_forever`` (called from another thread) and wait until it has returned."""
        with self._lock:
            loop = self._loop
            self._shutdown_request = loop is not None
        if loop is None:
            return
        try:
            loop.call_soon_threadsafe(self._wake)
        except RuntimeError:  # the loop already closed
            pass
        self._done.wait()

    def server_close(self) -> None:
        self.socket.close()

    def _sweep(self) -> None:
        """Cut connections idle past IDLE_TIMEOUT, and request heads still incomplete after
        HEAD_TIMEOUT (one byte every few seconds keeps nobody's connection)."""
        loop = asyncio.get_running_loop()
        now = time.monotonic()
        idle, head = now - IDLE_TIMEOUT, now - HEAD_TIMEOUT
        for conn in list(self._conns):
            if conn.last < idle:
                conn._abort()
            elif conn.head_since and conn.head_since < head and conn.body_fd < 0:
                conn._refuse(408, "request head not received in time", "-")
        loop.call_later(min(SWEEP_EVERY, IDLE_TIMEOUT / 6), self._sweep)

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict) -> None:
        """asyncio's own troubles (e.g. accept() out of descriptors, retried after a second)
        as one log line instead of a traceback."""
        if self.quiet:
            return
        exc = context.get("exception")
        reason = f"{context.get('message', 'error')}: {exc}" if exc else context.get("message", "")
        self._log_lines.append(f"narrate serve: {log_safe(str(reason))}\n")
        loop.call_soon(self._flush_log)

    def _accept(self, loop: asyncio.AbstractEventLoop) -> None:
        """Accept a few waiting clients while the open connections (counted until their
        descriptors are closed) stay under the cap; at the cap, cut the connection that has
        waited longest without a whole request (one receiving a body is never cut), and when
        every one is receiving a body, leave newcomers in the listen queue for a moment."""
        for _ in range(ACCEPT_BATCH):
            if self._open >= self.max_connections:
                waiting = [c for c in self._conns if c.body_fd < 0 and not c.closed]
                if waiting:
                    oldest = min(waiting, key=lambda c: c.head_since or c.last)
                    oldest._abort()
                    self._conns.discard(oldest)
                else:
                    self._pause_accepting(loop, 0.2)
                return  # the freed descriptors are closed on the next loop turn
            try:
                sock, _ = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # out of descriptors after all, or a transient network error
                self._loop_error(loop, {"message": "cannot accept a connection", "exception": exc})
                self._pause_accepting(loop, 1.0)
                return
            sock.setblocking(False)
            self._open += 1
            loop.create_task(self._attach(loop, sock))

    async def _attach(self, loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
        try:
            await loop.connect_accepted_socket(lambda: _Connection(self, loop), sock)
        except OSError:
            sock.close()
            self._open -= 1

    def _pause_accepting(self, loop: asyncio.AbstractEventLoop, seconds: float) -> None:
        fd = self.socket.fileno()
        loop.remove_reader(fd)

        def resume() -> None:
            if self._stop is not None and not self._stop.done():
                loop.add_reader(fd, self._accept, loop)

        loop.call_later(seconds, resume)

    def _admit(self, conn: _Connection) -> None:
        conn.head_since = time.monotonic()  # the first request head has a deadline too
        self._conns.add(conn)

    def _stamp(self) -> str:
        """The Server and Date fields, formatted once a second."""
        now = time.time()
        if int(now) != self._stamp_sec:
            self._stamp_sec = int(now)
            self._stamp_text = (f"Server: {self.server_version}\r\n"
                                f"Date: {email.utils.formatdate(now, usegmt=True)}\r\n")
        return self._stamp_text

    def _log(self, peer: str, line: str, status: int) -> None:
        """An access-log line in http.server's format, written once per loop turn."""
        if not self._log_lines:
            asyncio.get_running_loop().call_soon(self._flush_log)
        now = int(time.time())
        if now != self._log_sec:
            self._log_sec = now
            self._log_stamp = time.strftime("%d/%b/%Y %H:%M:%S", time.localtime(now))
        self._log_lines.append(f'{peer} - - [{self._log_stamp}] "{log_safe(line)}" {status} -\n')

    def _flush_log(self) -> None:
        lines, self._log_lines = self._log_lines, []
        if lines:
            try:
                sys.stderr.write("".join(lines))
                sys.stderr.flush()
            except (OSError, ValueError):  # stderr closed: logging is best effort
                pass


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8765, *,
                quiet: bool = False, max_connections: int | None = None) -> ShowServer:
    """A bound, listening server (port 0 picks a free one); call ``serve_forever()`` on it."""
    from narrate.errors import CatalogError

    if not Path(folder).is_dir():
        raise CatalogError("show folder does not exist", str(folder))
    return ShowServer(Path(folder), host, port, quiet=quiet, max_connections=max_connections)


def serve(folder: Path, host: str = "127.0.0.1", port: int = 8765, *, quiet: bool = False,
          ready: Callable[[ShowServer], None] | None = None) -> None:
    """Serve until interrupted (Ctrl-C); ``ready`` is called once the socket listens."""
    server = make_server(folder, host, port, quiet=quiet)
    try:
        if ready is not None:
            ready(server)
        server.serve_forever()
    except KeyboardInterrupt:
        print("narrate serve: stopped", file=sys.stderr)
    finally:
        server.server_close()
