"""Refuse request bodies over a size limit before the application reads them."""

from __future__ import annotations

import json

from .errors import error_body

__all__ = ["BodySizeLimit"]


class BodySizeLimit:
    """ASGI middleware: 413 for a body over ``max_bytes``, by its Content-Length or as it streams in.

    A body sent without Content-Length (chunked) is read here, up to the limit, before the
    application sees it, then handed on whole. Refusing it from inside the application instead
    would not work: FastAPI catches any error raised while it reads the body and answers 400.

    Args:
        app: the ASGI application.
        max_bytes: the largest body accepted.
    """

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away mid-body: no one to answer
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await self._refuse(send)
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:  # after the body, the server's own messages (http.disconnect)
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send) -> None:
        body = json.dumps(error_body(413, f"request body over the {self.max_bytes} byte limit; "
                                          "send a smaller article or raise TIGHTROPE_MAX_REQUEST_BYTES")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
