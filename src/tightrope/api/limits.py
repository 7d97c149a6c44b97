"""Refuse request bodies over a size limit before they are read into memory."""

from __future__ import annotations

import json

from .errors import error_body

__all__ = ["BodySizeLimit"]


class BodySizeLimit:
    """ASGI middleware: 413 for a body over ``max_bytes`` (by Content-Length, or as it streams in)."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0
        refused = False

        async def limited_receive():
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            if refused:
                await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = json.dumps(error_body(413, f"request body over the {self.max_bytes} byte limit; "
                                          "send a smaller article or raise TIGHTROPE_MAX_REQUEST_BYTES")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass
