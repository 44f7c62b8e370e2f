"""The HTTP client every service uses: a polite, patient wrapper around :mod:`httpx`.

It sends a User-Agent naming the tool (and a contact address when one is known), waits a
minimum interval between requests, gives up on a request after a timeout, and retries
timeouts, connection errors, 429 and 5xx answers with exponential backoff, honouring the
server's ``Retry-After`` (one asking for more than ``max_wait`` ends the request at once);
an answer that cannot be read (a redirect loop, a body that does not decompress) is not
asked for again. What still fails becomes a :class:`ServiceError` whose message a user
can read; callers decide what a failure means for their run.
"""

from __future__ import annotations

import email.utils
import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from sphinx_academic import __version__

#: Answers worth asking again: rate limited, or the server's own trouble.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class ServiceError(Exception):
    """A request that failed for good (after retries); the message names the service."""


@dataclass
class Politeness:
    """How the client treats a service."""

    #: Seconds to wait for a connection or an answer.
    timeout: float = 30.0
    #: Attempts per request (the first one included).
    attempts: int = 4
    #: First backoff in seconds; doubled after each failed attempt.
    backoff: float = 1.0
    #: Longest wait accepted from a ``Retry-After`` header (a longer one ends the request)
    #: or the backoff.
    max_wait: float = 120.0
    #: Requests per second at most.
    rate: float = 5.0


def user_agent(mailto: str = "") -> str:
    """``sphinx-academic/<version> (mailto:...)``, the name services see."""
    contact = f" (mailto:{mailto})" if mailto else ""
    return f"sphinx-academic/{__version__}{contact}"


def base_url(service: str, default: str) -> str:
    """The service's base URL: ``SPHINX_ACADEMIC_<SERVICE>_URL`` when set (tests and
    mirrors), else the public address."""
    return os.environ.get(f"SPHINX_ACADEMIC_{service.upper()}_URL", default).rstrip("/")


@dataclass
class Client:
    """One service's connection: its name (for messages), base URL and manners."""

    service: str
    base: str
    mailto: str = ""
    politeness: Politeness = field(default_factory=Politeness)
    #: How to wait (tests pass a function that records the wait instead of sleeping).
    sleep: Callable[[float], None] = time.sleep
    #: Monotonic clock for the rate limit.
    clock: Callable[[], float] = time.monotonic
    #: Requests sent so far (retries included).
    requests: int = 0
    _last: float | None = field(default=None, repr=False)
    _http: httpx.Client | None = field(default=None, repr=False)

    def get_json(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """The decoded JSON answer to ``GET base/path?params``."""
        return _decode(self.service, self._send("GET", path, params=params))

    def post_json(self, path: str, payload: Any, params: Mapping[str, str] | None = None) -> Any:
        """The decoded JSON answer to a ``POST`` of ``payload`` as JSON."""
        return _decode(self.service, self._send("POST", path, params=params, json=payload))

    def get_bytes(self, path: str, params: Mapping[str, str] | None = None) -> bytes:
        """The body of the answer as sent (XML services: the parser reads the encoding
        the document declares)."""
        return self._send("GET", path, params=params).content

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(
                base_url=self.base,
                timeout=self.politeness.timeout,
                headers={"User-Agent": user_agent(self.mailto), "Accept": "application/json"},
                follow_redirects=True,
            )
        return self._http

    def _send(self, method: str, path: str, **request: Any) -> httpx.Response:
        delay = self.politeness.backoff
        problem = ""
        for attempt in range(1, self.politeness.attempts + 1):
            self._wait_for_rate_limit()
            self.requests += 1
            try:
                response = self._client().request(method, path, **request)
            except httpx.TimeoutException:
                problem = f"no answer within {self.politeness.timeout:g} s"
                response = None
            except httpx.TransportError as error:
                problem = f"cannot connect: {error}"
                response = None
            except httpx.RequestError as error:  # too many redirects, a body that won't decode
                problem = f"unusable answer from {error.request.url}: {error}"
                break
            if response is not None:
                if response.status_code < 400:
                    return response
                problem = f"HTTP {response.status_code} for {response.request.url}"
                if response.status_code not in RETRY_STATUSES:
                    break
            asked = _retry_after(response)
            if asked is not None and asked > self.politeness.max_wait:
                # Waiting for hours inside a command helps nobody: say when to come back.
                problem += f"; the service asks to wait {asked:.0f} s, so try again later"
                break
            if attempt < self.politeness.attempts:
                self.sleep(min(asked or delay, self.politeness.max_wait))
                delay *= 2
        raise ServiceError(f"{self.service}: {problem}")

    def _wait_for_rate_limit(self) -> None:
        interval = 1.0 / self.politeness.rate if self.politeness.rate > 0 else 0.0
        now = self.clock()
        if self._last is not None and now - self._last < interval:
            self.sleep(interval - (now - self._last))
        self._last = self.clock()


def _retry_after(response: httpx.Response | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date), if any."""
    value = response.headers.get("Retry-After", "").strip() if response is not None else ""
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _decode(service: str, response: httpx.Response) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ServiceError(f"{service}: the answer is not valid JSON ({error})") from None
