"""Fixtures for keymon's tenant code against the simulated tenant (tests/sapci/double.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest

from keymon.core.sapci.client import RetryPolicy, TenantClient
from keymon.core.sapci.profiles import NewProfile, from_service_key
from tests.sapci.double import ALL_ROLES, FakeTenant
from tests.sapci.seed import seed

FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=5.0)


def new_profile(tenant: FakeTenant, name: str = "dev", **changes: object) -> NewProfile:
    """A profile from the tenant's service key, trusting the tenant's own CA."""
    new = from_service_key(name, tenant.service_key())
    fields: dict[str, object] = {"ca_file": str(tenant.ca_file), **changes}
    profile = dataclasses.replace(new.profile, **fields)  # type: ignore[arg-type]
    return NewProfile(profile, new.secret)


@pytest.fixture(scope="module")
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    """A seeded tenant shared by a module's read-only tests."""
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t


@pytest.fixture
def fresh_tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    """A seeded tenant of its own, for tests that write."""
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t


@pytest.fixture
def make_client() -> Iterator[Callable[..., TenantClient]]:
    """Clients that retry fast and record their pauses instead of sleeping."""
    made: list[TenantClient] = []

    def make(tenant: FakeTenant, secret: str | None = None, **changes: object) -> TenantClient:
        new = new_profile(tenant, **changes)
        client = TenantClient(
            new.profile, secret if secret is not None else new.secret, retry=FAST, sleep=_no_sleep
        )
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture(autouse=True)
def _clean_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    """Faults and role changes a test leaves on the shared tenant do not leak."""
    yield
    if "tenant" in request.fixturenames:
        shared: FakeTenant = request.getfixturevalue("tenant")
        shared.faults.clear()
        shared.roles = set(ALL_ROLES)


def _no_sleep(seconds: float) -> None:
    pass
