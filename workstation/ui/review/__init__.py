"""The review workspace: queue, record view, findings, evidence, appeals, second review (issue #6)."""
