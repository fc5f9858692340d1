"""Parsed and validated GraphQL documents, cached by query text with bounded memory.

The SDK and the app send the same few documents over and over, so parsing each once pays; but
a parsed document takes tens of times the memory of its text, so the cache is an LRU bounded
both by entry count and by the total length of the texts it holds, documents above
`MAX_CACHED_CHARS` are parsed every time and never kept, and no document may exceed
`MAX_DOCUMENT_CHARS` characters or `MAX_DOCUMENT_TOKENS` tokens at all (400).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate

MAX_DOCUMENT_CHARS = 32 * 1024
MAX_DOCUMENT_TOKENS = 5_000
MAX_CACHED_CHARS = 8 * 1024
CACHE_ENTRIES = 256
CACHE_CHARS = 256 * 1024

Parsed = tuple[DocumentNode | None, list[GraphQLError]]


class DocumentCache:
    """Query text -> (document or None, validation problems)."""

    def __init__(self, schema: GraphQLSchema, *, entries: int = CACHE_ENTRIES,
                 chars: int = CACHE_CHARS) -> None:
        self._schema = schema
        self._entries: OrderedDict[str, Parsed] = OrderedDict()
        self._max_entries = entries
        self._max_chars = chars
        self._chars = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def cached_chars(self) -> int:
        """The total length of the cached query texts."""
        return self._chars

    def get(self, query: str) -> Parsed:
        """The parsed and validated ``query`` (problems instead of a document when it does not
        parse, or is too large)."""
        with self._lock:
            cached = self._entries.get(query)
            if cached is not None:
                self._entries.move_to_end(query)
                return cached
        if len(query) > MAX_DOCUMENT_CHARS:
            return None, [GraphQLError(
                f"the document exceeds {MAX_DOCUMENT_CHARS} characters")]
        try:
            document: DocumentNode | None = parse(query, max_tokens=MAX_DOCUMENT_TOKENS)
            problems = validate(self._schema, document) if document else []
        except GraphQLError as exc:
            document, problems = None, [exc]
        if len(query) <= MAX_CACHED_CHARS:
            self._put(query, (document, problems))
        return document, problems

    def _put(self, query: str, parsed: Parsed) -> None:
        with self._lock:
            if query in self._entries:
                return
            self._entries[query] = parsed
            self._chars += len(query)
            while len(self._entries) > self._max_entries or self._chars > self._max_chars:
                evicted, _ = self._entries.popitem(last=False)
                self._chars -= len(evicted)
