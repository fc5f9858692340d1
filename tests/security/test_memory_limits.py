"""Memory limits: a body is refused at its size limit, before the rest of it is read (a declared
size at once, a streamed one as soon as it passes the limit); parsed GraphQL documents are
cached within a count and a size, and a document over the cap is refused. The pool's peak
memory under four 250 MB posts is measured by `tests/benchmarks/security_figures.py`."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from authing_desktop.localpool.document_cache import (
    CACHE_CHARS,
    CACHE_ENTRIES,
    MAX_CACHED_CHARS,
    MAX_DOCUMENT_CHARS,
    DocumentCache,
)
from authing_desktop.localpool.graphql_api import build_pool_schema
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import post_graphql, rest

HUGE = 250 * 1024 * 1024


def exchange(pool: RunningPool, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send a raw request (``head`` without the Host line) and read the whole answer: its
    status and body. A pool that waited for the rest of a body would time this out."""
    parts = urlsplit(pool.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as conn:
        conn.sendall(f"{head}\r\nHost: {parts.netloc}\r\n\r\n".encode() + body)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    status_line, _, rest_of_it = answer.partition(b"\r\n")
    return int(status_line.split()[1]), rest_of_it.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize("path", ["/graphql/v2", "/api/v2/sms/send", "/api/v3/send-sms",
                                  "/oidc/token", "/oidc/auth", "/no/such/route"])
def test_a_declared_huge_body_is_refused_before_it_is_sent(pool: RunningPool, path: str) -> None:
    status, body = exchange(pool, f"POST {path} HTTP/1.1\r\nContent-Type: application/json"
                                  f"\r\nContent-Length: {HUGE}\r\nConnection: close")
    assert status == 413 and b"too large" in body


def chunked(size: int) -> bytes:
    """A chunked body of ``size`` bytes in 8 KiB chunks."""
    chunk = b"x" * 8192
    return b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk)
                    for _ in range(size // len(chunk))) + b"0\r\n\r\n"


def test_a_streamed_body_stops_at_its_limit(pool: RunningPool) -> None:
    # Each a chunk over its route's limit: the pool answers as soon as it gets there. (Not
    # more: what a pool that stopped reading leaves in the socket resets the connection.)
    for path, limit in (("/api/v2/sms/send", 64), ("/api/v3/send-sms", 64),
                        ("/graphql/v2", 256)):
        status, body = exchange(pool, f"POST {path} HTTP/1.1\r\nContent-Type: application/json"
                                      "\r\nTransfer-Encoding: chunked\r\nConnection: close",
                                chunked((limit + 8) * 1024))
        assert status == 200 and b"too large" in body, body
    assert rest(pool, "GET", "/api/v2/.well-known")["code"] == 200


def test_deeply_nested_json_is_a_bad_request(pool: RunningPool) -> None:
    for path, nested in (("/api/v2/sms/send", b'{"phone": ' + b"[" * 20_000 + b"]" * 20_000
                          + b"}"), ("/graphql/v2", b"[" * 60_000)):
        status, body = exchange(pool, f"POST {path} HTTP/1.1\r\nContent-Type: application/json"
                                      f"\r\nContent-Length: {len(nested)}\r\nConnection: close",
                                nested)
        assert status == 200 and b"400" in body, body


def test_the_document_cache_is_bounded_by_count_and_size() -> None:
    cache = DocumentCache(build_pool_schema())
    for n in range(CACHE_ENTRIES + 50):
        cache.get(f"query q{n} {{ checkPasswordStrength(password: \"{n}\") {{ valid }} }}")
    assert len(cache) == CACHE_ENTRIES
    padding = "x" * (MAX_CACHED_CHARS - 200)
    for n in range(CACHE_CHARS // MAX_CACHED_CHARS * 2):
        cache.get(f"query p{n} {{ checkPasswordStrength(password: \"{padding}\") {{ valid }} }}")
    assert cache.cached_chars <= CACHE_CHARS
    before = len(cache)
    big = "x" * (MAX_CACHED_CHARS + 10)
    document, problems = cache.get(f"{{ checkPasswordStrength(password: \"{big}\") {{ valid }} }}")
    assert document is not None and not problems and len(cache) == before  # parsed, not kept


def test_a_document_over_the_cap_is_refused(pool: RunningPool) -> None:
    spaces = " " * MAX_DOCUMENT_CHARS
    body = post_graphql(pool, f"query {{ checkPasswordStrength(password: \"x\") {{ valid }} }}"
                              f"{spaces}")
    assert body["data"] is None and body["errors"][0]["message"]["code"] == 400
    fields = "".join(f"a{n}:checkPasswordStrength(password:\"x\"){{valid}}" for n in range(500))
    assert len(fields) < MAX_DOCUMENT_CHARS
    body = post_graphql(pool, f"query{{{fields}}}")
    assert body["errors"][0]["message"]["code"] == 400  # too many tokens
