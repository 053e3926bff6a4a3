"""Laws of the package file: what is written opens to the same payload; any changed byte is refused."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workstation.core.errors import BadInput, WrongPassphrase
from workstation.services import package_format as fmt
from workstation.store.keyslots import KdfParams

FAST = KdfParams(n=2**4)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**53, 2**53) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
MANIFEST = {"package_id": "p", "kind": "work", "for": ["reviewer"], "expires": "2999-12-31"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.dictionaries(st.text(max_size=8), json_values, max_size=5))
def test_round_trip(tmp_path, payload):
    path = tmp_path / "p.wspkg"
    fmt.write_package(path, MANIFEST, payload, "pw", FAST)
    pkg = fmt.open_package(path, "pw")
    assert pkg.payload == payload and pkg.manifest == MANIFEST
    assert fmt.read_manifest(path) == MANIFEST


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("pkg") / "p.wspkg"
    fmt.write_package(path, MANIFEST, {"settlements": [{"setl_id": "S1", "psn_name": "张某某"}]}, "pw", FAST)
    return path.read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_changed_byte_is_refused(tmp_path, written, data):
    pos = data.draw(st.integers(0, len(written) - 1))
    flip = data.draw(st.integers(1, 255))
    bad = bytearray(written)
    bad[pos] ^= flip
    path = tmp_path / "bad.wspkg"
    path.write_bytes(bytes(bad))
    with pytest.raises((BadInput, WrongPassphrase)):
        fmt.open_package(path, "pw")


def test_no_plaintext_and_expiry_day_still_valid(tmp_path, written):
    assert "张某某".encode() not in written and b"S1" not in written
    path = tmp_path / "p.wspkg"
    fmt.write_package(path, MANIFEST | {"expires": "2025-03-01"}, {}, "pw", FAST)
    assert fmt.open_package(path, "pw", today=dt.date(2025, 3, 1)).payload == {}
    with pytest.raises(BadInput):
        fmt.open_package(path, "pw", today=dt.date(2025, 3, 2))
    path.write_bytes(b"PK\x03\x04 not a package")
    with pytest.raises(BadInput) as err:
        fmt.open_package(path, "pw")
    assert "Not a workstation package" in err.value.message("en")
