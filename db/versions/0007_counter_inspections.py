"""counter receipts (票据核对) and on-site inspection records (issue 21)

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# A sealed record is frozen: its row and its attachments. A trigger refuses the change on
# both backends; inspection_service.verify_seals also detects a change made behind the
# triggers (the hash is in the hash-chained event log).
SEALED_RECORD = """
CREATE TRIGGER inspection_records_{op}_sealed BEFORE {op_sql} ON inspection_records
WHEN OLD.status = 'sealed'
BEGIN SELECT RAISE(ABORT, 'inspection record is sealed'); END
"""
SEALED_ATTACHMENT = """
CREATE TRIGGER inspection_attachments_{op}_sealed BEFORE {op_sql} ON inspection_attachments
WHEN EXISTS (SELECT 1 FROM inspection_records r WHERE r.id = {row}.record_id AND r.status = 'sealed')
BEGIN SELECT RAISE(ABORT, 'inspection record is sealed'); END
"""


PG_SEALED = """
CREATE OR REPLACE FUNCTION ws_inspection_record_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'sealed' THEN
        RAISE EXCEPTION 'inspection record is sealed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION ws_inspection_attachment_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE rid integer;
BEGIN
    IF TG_OP = 'INSERT' THEN rid := NEW.record_id; ELSE rid := OLD.record_id; END IF;
    IF EXISTS (SELECT 1 FROM inspection_records r WHERE r.id = rid AND r.status = 'sealed') THEN
        RAISE EXCEPTION 'inspection record is sealed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER inspection_records_update_sealed BEFORE UPDATE ON inspection_records
    FOR EACH ROW EXECUTE FUNCTION ws_inspection_record_sealed();
CREATE TRIGGER inspection_records_delete_sealed BEFORE DELETE ON inspection_records
    FOR EACH ROW EXECUTE FUNCTION ws_inspection_record_sealed();
CREATE TRIGGER inspection_attachments_insert_sealed BEFORE INSERT ON inspection_attachments
    FOR EACH ROW EXECUTE FUNCTION ws_inspection_attachment_sealed();
CREATE TRIGGER inspection_attachments_update_sealed BEFORE UPDATE ON inspection_attachments
    FOR EACH ROW EXECUTE FUNCTION ws_inspection_attachment_sealed();
CREATE TRIGGER inspection_attachments_delete_sealed BEFORE DELETE ON inspection_attachments
    FOR EACH ROW EXECUTE FUNCTION ws_inspection_attachment_sealed();
"""


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_SEALED)
        return
    for op_sql in ("UPDATE", "DELETE"):
        op.execute(SEALED_RECORD.format(op=op_sql.lower(), op_sql=op_sql))
    for op_sql, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        op.execute(SEALED_ATTACHMENT.format(op=op_sql.lower(), op_sql=op_sql, row=row))


def upgrade() -> None:
    op.create_table(
        "receipt_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assigned_to", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_batches")),
    )
    op.create_index(op.f("ix_receipt_batches_assigned_to"), "receipt_batches", ["assigned_to"], unique=False)
    op.create_table(
        "receipt_batch_items",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("setl_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["receipt_batches.id"],
                                name=op.f("fk_receipt_batch_items_batch_id_receipt_batches")),
        sa.ForeignKeyConstraint(["setl_id"], ["settlements.setl_id"],
                                name=op.f("fk_receipt_batch_items_setl_id_settlements")),
        sa.PrimaryKeyConstraint("batch_id", "position", name=op.f("pk_receipt_batch_items")),
    )
    op.create_index(op.f("ix_receipt_batch_items_setl_id"), "receipt_batch_items", ["setl_id"], unique=False)
    op.create_table(
        "receipt_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("setl_id", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("receipts", sa.Integer(), nullable=False),
        sa.Column("receipts_sum", sa.BigInteger(), nullable=False),
        sa.Column("medfee_sumamt", sa.BigInteger(), nullable=False),
        sa.Column("difference", sa.BigInteger(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("finding_ids", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.String(length=64), nullable=False),
        sa.Column("checked_at", sa.String(length=19), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["receipt_batches.id"],
                                name=op.f("fk_receipt_checks_batch_id_receipt_batches")),
        sa.ForeignKeyConstraint(["setl_id"], ["settlements.setl_id"],
                                name=op.f("fk_receipt_checks_setl_id_settlements")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_checks")),
        sa.UniqueConstraint("setl_id", name=op.f("uq_receipt_checks_setl_id")),
    )
    op.create_index(op.f("ix_receipt_checks_checked_at"), "receipt_checks", ["checked_at"], unique=False)
    op.create_index(op.f("ix_receipt_checks_checked_by"), "receipt_checks", ["checked_by"], unique=False)
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("setl_id", sa.String(length=64), nullable=False),
        sa.Column("bill_code", sa.String(length=32), nullable=False),
        sa.Column("bill_no", sa.String(length=64), nullable=False),
        sa.Column("check_code", sa.String(length=32), nullable=False),
        sa.Column("bill_date", sa.String(length=10), nullable=False),
        sa.Column("institution", sa.String(length=256), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("entered_at", sa.String(length=19), nullable=False),
        sa.Column("check_id", sa.Integer(), nullable=True),
        sa.Column("checked_by", sa.String(length=64), nullable=True),
        sa.Column("checked_at", sa.String(length=19), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["check_id"], ["receipt_checks.id"],
                                name=op.f("fk_receipts_check_id_receipt_checks")),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batches.id"],
                                name=op.f("fk_receipts_import_batch_id_import_batches")),
        sa.ForeignKeyConstraint(["setl_id"], ["settlements.setl_id"], name=op.f("fk_receipts_setl_id_settlements")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("setl_id", "bill_no", name="uq_receipts_setl_bill"),
    )
    op.create_index(op.f("ix_receipts_bill_no"), "receipts", ["bill_no"], unique=False)
    op.create_index(op.f("ix_receipts_check_id"), "receipts", ["check_id"], unique=False)
    op.create_index(op.f("ix_receipts_checked_at"), "receipts", ["checked_at"], unique=False)
    op.create_index(op.f("ix_receipts_setl_id"), "receipts", ["setl_id"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("institution_code", sa.String(length=64), nullable=False),
        sa.Column("institution_name", sa.String(length=256), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("team", sa.Text(), nullable=False),
        sa.Column("leads", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("assigned_to", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
        sa.UniqueConstraint("uuid", name=op.f("uq_inspections_uuid")),
    )
    op.create_index(op.f("ix_inspections_date"), "inspections", ["date"], unique=False)
    op.create_index(op.f("ix_inspections_institution_code"), "inspections", ["institution_code"], unique=False)
    op.create_table(
        "inspection_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("seal_hash", sa.String(length=64), nullable=True),
        sa.Column("sealed_by", sa.String(length=64), nullable=True),
        sa.Column("sealed_at", sa.String(length=19), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["corrects_id"], ["inspection_records.id"],
                                name=op.f("fk_inspection_records_corrects_id_inspection_records")),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_inspection_records_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_records")),
        sa.UniqueConstraint("uuid", name=op.f("uq_inspection_records_uuid")),
    )
    op.create_index(op.f("ix_inspection_records_inspection_id"), "inspection_records", ["inspection_id"],
                    unique=False)
    op.create_table(
        "inspection_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("signer_role", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=512), nullable=False),
        sa.Column("mime", sa.String(length=128), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.String(length=19), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["inspection_records.id"],
                                name=op.f("fk_inspection_attachments_record_id_inspection_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_attachments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_inspection_attachments_uuid")),
    )
    op.create_index(op.f("ix_inspection_attachments_record_id"), "inspection_attachments", ["record_id"],
                    unique=False)
    _create_triggers()


def downgrade() -> None:
    for t in ("inspection_attachments", "inspection_records", "inspections", "receipts", "receipt_checks",
              "receipt_batch_items", "receipt_batches"):
        op.drop_table(t)
