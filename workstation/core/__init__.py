"""Domain: entities, enums, errors and pure computation. No Qt, no SQLAlchemy."""
