"""office server: store identity and key slots on the server; PostgreSQL's server-side rules

Revision ID: 0003
Revises: 0002

On SQLite this only adds the two (empty) tables. On PostgreSQL it also creates
what the server itself enforces (office.md): the append-only triggers and the
dossier locks of 0001 as plpgsql trigger functions, the approver-is-not-the-
preparer rule, row-level security on review data, key slots readable only by
their owner, a NOTIFY per event so that lists refresh, and the two
SECURITY DEFINER functions through which admins create and disable login roles.
Grants to this database's group roles are made by ``server init``
(workstation/store/server_setup.py), because role names carry the database name.
Every refusal uses SQLSTATE 42501 (insufficient_privilege), which the program
reports as "no permission" (exit 3).
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

APPEND_ONLY = ("events", "samples", "sample_strata", "sample_units")

PG_FUNCTIONS = r"""
CREATE FUNCTION ws_group(kind text) RETURNS name LANGUAGE sql STABLE
AS $$ SELECT ('ws_' || current_database() || '_' || kind)::name $$;

-- The signed-in person's role in this project: admin, supervisor, reviewer;
-- 'owner' for the database owner (the server administrator's own role); NULL otherwise.
CREATE FUNCTION ws_role() RETURNS text LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, public AS $$
DECLARE k text;
BEGIN
  FOREACH k IN ARRAY ARRAY['admin', 'supervisor', 'reviewer'] LOOP
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ws_group(k))
       AND pg_has_role(session_user, ws_group(k), 'MEMBER') THEN
      RETURN k;
    END IF;
  END LOOP;
  IF session_user = (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) THEN
    RETURN 'owner';
  END IF;
  RETURN NULL;
END $$;

-- Whole days of an ISO date text, NULL when it is not a date (the dialect seam's day_number;
-- the same numbers as SQLite's CAST(julianday(d) AS INTEGER) for a date).
CREATE FUNCTION ws_day_number(d text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF d IS NULL OR d !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RETURN NULL;
  END IF;
  BEGIN
    RETURN (d::date - DATE '1970-01-01') + 2440587;
  EXCEPTION WHEN others THEN
    RETURN NULL;
  END;
END $$;

CREATE FUNCTION ws_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END $$;

CREATE FUNCTION ws_finding_locked(fid integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM dossier_findings df JOIN dossiers d ON d.id = df.dossier_id
                 WHERE df.finding_id = fid AND d.status IN ('approved', 'locked'))
$$;

CREATE FUNCTION ws_findings_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ws_finding_locked(OLD.id) THEN
    RAISE EXCEPTION 'finding is locked by an approved dossier' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION ws_finding_part_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND ws_finding_locked(OLD.finding_id) THEN
    RAISE EXCEPTION 'finding is locked by an approved dossier' USING ERRCODE = '42501';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND ws_finding_locked(NEW.finding_id) THEN
    RAISE EXCEPTION 'finding is locked by an approved dossier' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

-- Dossiers: approver is never the preparer and approves as themselves; once
-- approved, only the status may move on (approved -> locked -> superseded).
CREATE FUNCTION ws_dossier_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r text := ws_role();
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status IN ('approved', 'locked', 'superseded') THEN
      RAISE EXCEPTION 'an approved dossier cannot be deleted' USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.approver IS NOT NULL AND NEW.approver = NEW.preparer THEN
    RAISE EXCEPTION 'the approver of a dossier cannot be its preparer' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status IN ('approved', 'locked', 'superseded') THEN
      IF (to_jsonb(NEW) - 'status') IS DISTINCT FROM (to_jsonb(OLD) - 'status')
         OR NOT ((OLD.status = 'approved' AND NEW.status IN ('approved', 'locked', 'superseded'))
                 OR (OLD.status = 'locked' AND NEW.status IN ('locked', 'superseded'))
                 OR (OLD.status = 'superseded' AND NEW.status = 'superseded')) THEN
        RAISE EXCEPTION 'an approved dossier cannot be changed' USING ERRCODE = '42501';
      END IF;
      IF NEW.status = 'superseded' AND OLD.status <> 'superseded' AND r IN ('reviewer') THEN
        RAISE EXCEPTION 'only a supervisor supersedes a dossier' USING ERRCODE = '42501';
      END IF;
    ELSIF NEW.status IN ('approved', 'locked') AND r IS NOT NULL AND r <> 'owner' THEN
      IF r NOT IN ('supervisor', 'admin') OR NEW.approver IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'a dossier is approved by a supervisor signing in as themselves' USING ERRCODE = '42501';
      END IF;
    END IF;
  ELSIF NEW.status IN ('approved', 'locked') AND r IS NOT NULL AND r <> 'owner' THEN
    RAISE EXCEPTION 'a dossier is approved only through its workflow' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION ws_dossier_findings_lock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE did integer;
BEGIN
  IF TG_OP = 'DELETE' THEN did := OLD.dossier_id; ELSE did := NEW.dossier_id; END IF;
  IF EXISTS (SELECT 1 FROM dossiers WHERE id = did AND status IN ('approved', 'locked', 'superseded')) THEN
    RAISE EXCEPTION 'an approved dossier cannot be changed' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM dossiers WHERE id = OLD.dossier_id
                                  AND status IN ('approved', 'locked', 'superseded')) THEN
    RAISE EXCEPTION 'an approved dossier cannot be changed' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

-- Lists on other workstations refresh from this notification (payload: no personal data).
CREATE FUNCTION ws_notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ws_events', json_build_object('seq', NEW.seq, 'user', NEW."user", 'action', NEW.action,
                                                   'entity', NEW.entity, 'entity_id', NEW.entity_id)::text);
  RETURN NEW;
END $$;

-- Admins create and disable login roles through these (the owner has CREATEROLE; admins do not).
CREATE FUNCTION ws_user_add(login text, verifier text, kind text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE r text := ws_role(); k text; target pg_roles%ROWTYPE;
BEGIN
  IF r IS DISTINCT FROM 'admin' AND r IS DISTINCT FROM 'owner' THEN
    RAISE EXCEPTION 'only an administrator adds users' USING ERRCODE = '42501';
  END IF;
  IF kind NOT IN ('reviewer', 'supervisor', 'admin') THEN
    RAISE EXCEPTION 'unknown role %', kind USING ERRCODE = '22023';
  END IF;
  IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    RAISE EXCEPTION 'a password verifier is required' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO target FROM pg_roles WHERE rolname = login;
  IF FOUND THEN
    IF target.rolsuper OR target.rolcreaterole OR target.rolcreatedb OR target.rolreplication OR target.rolbypassrls
       OR target.rolname = (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) THEN
      RAISE EXCEPTION 'role % is not a workstation user', login USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
               WHERE m.member = target.oid
                 AND g.rolname NOT IN (ws_group('reviewer'), ws_group('supervisor'), ws_group('admin'))) THEN
      RAISE EXCEPTION 'login role % belongs to another project on this server', login USING ERRCODE = '42710';
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', login, verifier);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT PASSWORD %L', login, verifier);
  END IF;
  FOREACH k IN ARRAY ARRAY['reviewer', 'supervisor', 'admin'] LOOP
    IF pg_has_role(login, ws_group(k), 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', ws_group(k), login);
    END IF;
  END LOOP;
  EXECUTE format('GRANT %I TO %I', ws_group(kind), login);
END $$;

CREATE FUNCTION ws_user_disable(login text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE r text := ws_role(); k text;
BEGIN
  IF r IS DISTINCT FROM 'admin' AND r IS DISTINCT FROM 'owner' THEN
    RAISE EXCEPTION 'only an administrator removes users' USING ERRCODE = '42501';
  END IF;
  IF login = session_user::text THEN
    RAISE EXCEPTION 'you cannot remove yourself' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
    RETURN;
  END IF;
  IF NOT (pg_has_role(login, ws_group('reviewer'), 'MEMBER') OR pg_has_role(login, ws_group('supervisor'), 'MEMBER')
          OR pg_has_role(login, ws_group('admin'), 'MEMBER')) THEN
    RAISE EXCEPTION 'role % is not a user of this project', login USING ERRCODE = '42501';
  END IF;
  EXECUTE format('ALTER ROLE %I NOLOGIN', login);
  FOREACH k IN ARRAY ARRAY['reviewer', 'supervisor', 'admin'] LOOP
    IF pg_has_role(login, ws_group(k), 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', ws_group(k), login);
    END IF;
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION ws_user_add(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_user_disable(text) FROM PUBLIC;
"""

# Row-level security: reviewers change only the review data of units assigned to them.
UNIT_OF_FINDING = ("EXISTS (SELECT 1 FROM findings f JOIN review_units u ON u.id = f.unit_id "
                   "WHERE f.id = {t}.finding_id AND u.assigned_to = session_user::text)")
RLS = {
    "review_units": "assigned_to = session_user::text",
    "findings": ("EXISTS (SELECT 1 FROM review_units u WHERE u.id = findings.unit_id "
                 "AND u.assigned_to = session_user::text)"),
    "finding_lines": UNIT_OF_FINDING.format(t="finding_lines"),
    "evidence": UNIT_OF_FINDING.format(t="evidence"),
    "appeals": UNIT_OF_FINDING.format(t="appeals"),
}


def _postgresql() -> None:
    # Names and ID numbers arrive sealed by the workstation (store/personal.py): longer than the plaintext.
    for table, column in (("settlements", "psn_name"), ("settlements", "certno"), ("staff", "name"),
                          ("staff", "certno")):
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text")
    # SQLite's implicit rowid, which the settlement browser pages by, made explicit on the server.
    op.execute("ALTER TABLE settlements ADD COLUMN rowid bigint GENERATED ALWAYS AS IDENTITY")
    op.execute("CREATE UNIQUE INDEX ix_settlements_rowid ON settlements (rowid)")
    op.execute(PG_FUNCTIONS)
    for table in APPEND_ONLY:
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION ws_refuse_change()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION ws_refuse_change()")
    op.execute("CREATE TRIGGER findings_locked_by_dossier BEFORE UPDATE OR DELETE ON findings "
               "FOR EACH ROW EXECUTE FUNCTION ws_findings_lock()")
    for table in ("finding_lines", "evidence"):
        op.execute(f"CREATE TRIGGER {table}_locked_by_dossier BEFORE INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION ws_finding_part_lock()")
    op.execute("CREATE TRIGGER dossiers_rules BEFORE INSERT OR UPDATE OR DELETE ON dossiers "
               "FOR EACH ROW EXECUTE FUNCTION ws_dossier_rules()")
    op.execute("CREATE TRIGGER dossier_findings_locked BEFORE INSERT OR UPDATE OR DELETE ON dossier_findings "
               "FOR EACH ROW EXECUTE FUNCTION ws_dossier_findings_lock()")
    op.execute("CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION ws_notify_event()")
    for table, own in RLS.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY ws_read ON {table} FOR SELECT USING (true)")
        op.execute(f"CREATE POLICY ws_write ON {table} FOR ALL "
                   f"USING ((SELECT ws_role()) IN ('admin', 'supervisor') OR {own}) "
                   f"WITH CHECK ((SELECT ws_role()) IN ('admin', 'supervisor') OR {own})")
    op.execute("ALTER TABLE presence ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY ws_read ON presence FOR SELECT USING (true)")
    op.execute('CREATE POLICY ws_own ON presence FOR ALL USING ("user" = session_user::text) '
               'WITH CHECK ("user" = session_user::text)')
    op.execute("ALTER TABLE key_slots ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY ws_own ON key_slots FOR ALL "
               "USING (role_name = session_user::text OR (SELECT ws_role()) = 'admin') "
               "WITH CHECK (role_name = session_user::text OR (SELECT ws_role()) = 'admin')")


def upgrade() -> None:
    op.create_table('server_meta',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_server_meta'))
    )
    op.create_table('key_slots',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('role_name', sa.String(length=64), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_slots'))
    )
    op.create_index(op.f('ix_key_slots_role_name'), 'key_slots', ['role_name'], unique=False)
    op.create_table('presence',
    sa.Column('user', sa.String(length=64), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('user', name=op.f('pk_presence'))
    )
    op.create_index(op.f('ix_presence_unit_id'), 'presence', ['unit_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _postgresql()


def downgrade() -> None:
    raise NotImplementedError("schema changes are not downgraded")
