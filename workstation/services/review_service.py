"""The review package's public API under its former name (``services/review/``).

Kept so that code written against ``review_service`` keeps working; new code
imports ``workstation.services.review``.
"""
from __future__ import annotations

from .review import *  # noqa: F401,F403
from .review import __all__  # noqa: F401
