"""The API against its own OpenAPI schema (schemathesis, a bounded number of examples
per operation): no request that the schema allows may end in a server error."""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from lagebild import analyze
from lagebild.store.sqlite import SQLiteStore
from lagebild.web import create_app


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("schema") / "schema.db"
    with SQLiteStore(db) as store:
        doc = analyze("Die EU verhängte am Montag neue Sanktionen gegen Russland. „Wir lassen nicht nach“, "
                      "sagte Scholz.", published="2023-03-13")
        doc.id = "sanktionen"
        store.add(doc)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(str(db), token="s3cret"))


def test_api_never_fails_with_a_server_error(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/events", "/api/documents", "/api/timeline", "/api/network",
                                              "/api/quotes", "/api/actors", "/api/stories", "/api/stories/{ident}"}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            # writes carry the token, so that generated records reach the analysis
            response = case.call(headers={"Authorization": "Bearer s3cret"} if case.method == "POST" else None)
            assert response.status_code < 500, (case.method, case.path, case.query, response.text[:300])

        check()
