"""Property-based requests generated from the OpenAPI spec: no input may cause a server error.

The operations are walked by hand (schemathesis' pytest plugin does not load under pytest 9);
each gets its own Hypothesis run over the strategy schemathesis builds from the spec.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tightrope.api import ApiSettings, create_app


@pytest.fixture
def operations(example_db, copy_of):
    # Writing stays disabled here: generated bodies must not be analysed and stored in bulk.
    app = create_app(ApiSettings(db=copy_of(example_db), token=None))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) >= 7
    return found


def test_api_spec_no_server_error(operations):
    for operation in operations:

        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text}"
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"error"} and body["error"]["status"] == response.status_code

        check()
