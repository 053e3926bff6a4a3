"""SQLAlchemy 2 models, one module per area. Import them all so that
``Base.metadata`` knows every table (Alembic autogenerate relies on it)."""
from .base import Base
from . import identity, claims, screening, sampling, review, roster, dossier, fieldwork  # noqa: F401
from . import counter, inspection  # noqa: F401  (issue 21)
from . import risk  # noqa: F401  (#20 risk profiles)
from . import knowledge  # noqa: F401
from . import operations  # noqa: F401  (issue #19)
from . import server  # noqa: F401  (office server: store identity and key slots)

__all__ = ["Base"]
