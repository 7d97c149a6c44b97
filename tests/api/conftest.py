"""An app over a real DuckDB file holding the example articles."""

from __future__ import annotations

import httpx
import pytest

from tightrope.api import ApiSettings, create_app

TOKEN = "test-token-123"


@pytest.fixture(scope="session")
def app(example_db):
    app = create_app(ApiSettings(db=example_db, token=TOKEN, max_request_bytes=200_000))
    yield app
    app.state.db.close()  # the test client runs no lifespan: close the store's connections here


@pytest.fixture
async def client(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def anyio_backend():
    return "asyncio"
