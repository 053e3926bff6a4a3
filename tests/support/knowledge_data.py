"""Knowledge points for tests: saved through the service, as the editor does."""
from __future__ import annotations

from workstation.services import knowledge_service as ks
from workstation.services import screening_service as ss


def point(ws, rule_id: str, template: str, **values) -> None:
    ks.save_point(ws, {"rule_id": rule_id, "template": template, "rule_name": values.pop("rule_name", rule_id),
                       **values}, create=True)


def point_flags(ws, rule_id: str) -> dict:
    """Screen one point; its flags keyed by (setl_id, feedetl_sn)."""
    ss.run_screen(ws, [rule_id])
    return {(f.setl_id, f.feedetl_sn): f for f in ss.list_flags(ws, rule_id=rule_id)}
