"""The headquarters database (PostgreSQL only): versioned steps, like the terminal's.

HQ keeps the reference data every terminal pulls (outlets with their merchant numbers,
the catalog with its price versions, users of each outlet, customers), everything the
terminals push (``hq_inbound``, one row per outbox event, keyed by its UUIDv7), and
what HQ derives from it (sales, payments, each customer's rebuilt bundle queue,
conflicts for managers). The security model is in docs/decisions.md ("Sync and HQ").
"""

from __future__ import annotations

import psycopg

VERSION_TABLE = "hq_schema"
STEP_TABLE = "hq_schema_step"

# Every pullable row gets a fresh ``version`` from one sequence on insert and on update,
# so a terminal asks "rows with version > my cursor" and never misses a change.
STEP_1 = """
CREATE SEQUENCE hq_version;
CREATE FUNCTION hq_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('hq_version');
    RETURN NEW;
END $$;

CREATE TABLE hq_outlet (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL,
    zone TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', vat_rate TEXT NOT NULL,
    accepts_card BOOLEAN NOT NULL DEFAULT TRUE, language TEXT NOT NULL DEFAULT 'en',
    receipt_format TEXT NOT NULL DEFAULT '80mm', merchant_numbers JSONB NOT NULL DEFAULT '{}',
    version BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE hq_bundle (
    country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    price_minor BIGINT NOT NULL CHECK (price_minor > 0), currency TEXT NOT NULL,
    data_gb TEXT NOT NULL, validity_days INTEGER NOT NULL, speed_label TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE, position INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (country, code)
);
CREATE TABLE hq_bundle_price (
    country TEXT NOT NULL, code TEXT NOT NULL, effective_from DATE NOT NULL,
    price_minor BIGINT NOT NULL CHECK (price_minor > 0), recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (country, code, effective_from),
    FOREIGN KEY (country, code) REFERENCES hq_bundle (country, code)
);
CREATE TABLE hq_user (
    outlet_code TEXT NOT NULL REFERENCES hq_outlet (code), username TEXT NOT NULL,
    full_name TEXT NOT NULL, role TEXT NOT NULL, pin_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE, language TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (outlet_code, username)
);
CREATE TABLE hq_customer (
    account_number TEXT PRIMARY KEY, uuid TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL,
    country TEXT NOT NULL, kit_serial TEXT, language TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '', created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX hq_customer_version ON hq_customer (version);
CREATE TABLE hq_customer_history (
    id BIGSERIAL PRIMARY KEY, account_number TEXT NOT NULL, field TEXT NOT NULL,
    value TEXT, terminal TEXT NOT NULL, event_uuid TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('kept', 'overwritten'))
);

CREATE TABLE hq_terminal (
    label TEXT PRIMARY KEY, outlet_code TEXT NOT NULL REFERENCES hq_outlet (code),
    role_name TEXT NOT NULL UNIQUE, acked_seq BIGINT NOT NULL DEFAULT 0,
    head_hash TEXT NOT NULL DEFAULT repeat('0', 64), chain_broken_seq BIGINT,
    last_push_at TIMESTAMPTZ, created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE hq_inbound (
    id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    terminal TEXT NOT NULL REFERENCES hq_terminal (label),
    seq BIGINT NOT NULL, kind TEXT NOT NULL, record_uuid TEXT NOT NULL, payload TEXT NOT NULL,
    hash TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    processed BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (terminal, seq)
);
CREATE INDEX hq_inbound_unprocessed ON hq_inbound (id) WHERE NOT processed;

CREATE TABLE hq_sale (
    uuid TEXT PRIMARY KEY, terminal TEXT NOT NULL, outlet_code TEXT NOT NULL,
    receipt_number TEXT NOT NULL UNIQUE, customer TEXT NOT NULL, username TEXT NOT NULL,
    sold_at TIMESTAMPTZ NOT NULL, business_date DATE NOT NULL, channel TEXT NOT NULL,
    currency TEXT NOT NULL, total_minor BIGINT NOT NULL, vat_minor BIGINT NOT NULL,
    voided BOOLEAN NOT NULL DEFAULT FALSE, refunded_minor BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX hq_sale_date ON hq_sale (business_date, outlet_code);
CREATE INDEX hq_sale_customer ON hq_sale (customer, sold_at);
CREATE TABLE hq_sale_line (
    sale_uuid TEXT NOT NULL REFERENCES hq_sale (uuid), position INTEGER NOT NULL,
    bundle_code TEXT NOT NULL, bundle_name TEXT NOT NULL, data_gb TEXT NOT NULL,
    validity_days INTEGER NOT NULL, price_minor BIGINT NOT NULL, trigger TEXT NOT NULL,
    PRIMARY KEY (sale_uuid, position)
);
CREATE TABLE hq_payment (
    sale_uuid TEXT NOT NULL REFERENCES hq_sale (uuid), position INTEGER NOT NULL,
    method TEXT NOT NULL, currency TEXT NOT NULL, amount_minor BIGINT NOT NULL,
    provider TEXT, reference TEXT,
    PRIMARY KEY (sale_uuid, position)
);
CREATE INDEX hq_payment_reference ON hq_payment (provider, reference);
CREATE TABLE hq_usage (
    uuid TEXT PRIMARY KEY, customer TEXT NOT NULL, at TIMESTAMPTZ NOT NULL, gb_used TEXT NOT NULL
);
CREATE TABLE hq_queue (
    customer TEXT NOT NULL, position INTEGER NOT NULL, sale_uuid TEXT NOT NULL,
    line_position INTEGER NOT NULL, bundle_code TEXT NOT NULL, trigger TEXT NOT NULL,
    sold_trigger TEXT NOT NULL, starts_at TIMESTAMPTZ NOT NULL, starts_exact BOOLEAN NOT NULL,
    PRIMARY KEY (customer, position)
);
CREATE TABLE hq_conflict (
    id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, outlet_code TEXT, subject TEXT NOT NULL,
    details JSONB NOT NULL DEFAULT '{}', detected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kind, subject)
);

CREATE TRIGGER hq_outlet_version BEFORE INSERT OR UPDATE ON hq_outlet
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();
CREATE TRIGGER hq_bundle_version BEFORE INSERT OR UPDATE ON hq_bundle
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();
CREATE TRIGGER hq_bundle_price_version BEFORE INSERT OR UPDATE ON hq_bundle_price
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();
CREATE TRIGGER hq_user_version BEFORE INSERT OR UPDATE ON hq_user
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();
CREATE TRIGGER hq_customer_version BEFORE INSERT OR UPDATE ON hq_customer
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();

-- The one door terminals push through. It runs with the owner's rights (SECURITY DEFINER),
-- accepts events only for the terminal whose role is calling, stores each once, advances
-- the highest contiguous sequence and checks the journal hash chain as it goes.
CREATE FUNCTION hq_push(p_terminal TEXT, p_events JSONB) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    t hq_terminal%ROWTYPE;
    e RECORD;
    expected TEXT;
BEGIN
    SELECT * INTO t FROM hq_terminal WHERE label = p_terminal FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Terminal % is not registered at headquarters', p_terminal USING ERRCODE = 'KP001';
    END IF;
    IF t.role_name <> session_user AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'Role % may not push for terminal %', session_user, p_terminal
            USING ERRCODE = 'KP002';
    END IF;
    IF EXISTS (
        SELECT 1 FROM jsonb_to_recordset(p_events) AS n(uuid TEXT, seq BIGINT)
        JOIN hq_inbound i ON i.terminal = p_terminal AND i.seq = n.seq AND i.uuid <> n.uuid
    ) THEN
        RAISE EXCEPTION 'Terminal % sent a different record under a number HQ already has '
            '(restored from an old backup?)', p_terminal
            USING ERRCODE = 'KP003';
    END IF;
    INSERT INTO hq_inbound (uuid, terminal, seq, kind, record_uuid, payload, hash, created_at)
    SELECT n.uuid, p_terminal, n.seq, n.kind, n.record_uuid, n.payload, n.hash, n.created_at
    FROM jsonb_to_recordset(p_events)
        AS n(uuid TEXT, seq BIGINT, kind TEXT, record_uuid TEXT, payload TEXT, hash TEXT,
             created_at TIMESTAMPTZ)
    ON CONFLICT DO NOTHING;
    FOR e IN SELECT seq, kind, payload, hash, record_uuid FROM hq_inbound
             WHERE terminal = p_terminal AND seq > t.acked_seq ORDER BY seq LOOP
        EXIT WHEN e.seq <> t.acked_seq + 1;
        expected := encode(sha256(convert_to(
            t.head_hash || chr(31) || e.seq::TEXT || chr(31) || e.kind || chr(31) || e.payload || chr(31),
            'UTF8')), 'hex');
        IF expected <> e.hash AND t.chain_broken_seq IS NULL THEN
            t.chain_broken_seq := e.seq;
            INSERT INTO hq_conflict (kind, outlet_code, subject, details)
            VALUES ('chain_break', t.outlet_code, p_terminal || '#' || e.seq,
                    jsonb_build_object('terminal', p_terminal, 'seq', e.seq, 'record', e.record_uuid))
            ON CONFLICT DO NOTHING;
        END IF;
        t.head_hash := e.hash;
        t.acked_seq := e.seq;
    END LOOP;
    UPDATE hq_terminal SET acked_seq = t.acked_seq, head_hash = t.head_hash,
        chain_broken_seq = t.chain_broken_seq, last_push_at = now()
    WHERE label = p_terminal;
    RETURN t.acked_seq;
END $$;

-- Terminals read only their own outlet's users and conflicts.
CREATE FUNCTION hq_my_outlet() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
    SELECT outlet_code FROM hq_terminal WHERE role_name = session_user
$$;
ALTER TABLE hq_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY hq_user_own_outlet ON hq_user FOR SELECT USING (outlet_code = hq_my_outlet());
ALTER TABLE hq_conflict ENABLE ROW LEVEL SECURITY;
CREATE POLICY hq_conflict_own_outlet ON hq_conflict FOR SELECT USING (outlet_code = hq_my_outlet());
"""

# The door (decisions.md "Sync and HQ"): a record that fails its checks stays in hq_inbound
# with the reason (``quarantine``) and a conflict; HQ managers accept or reject conflicts.
STEP_2 = """
ALTER TABLE hq_inbound ADD COLUMN quarantine TEXT;
CREATE INDEX hq_inbound_record ON hq_inbound (record_uuid);
CREATE INDEX hq_inbound_kind ON hq_inbound (terminal, kind);
ALTER TABLE hq_conflict ADD COLUMN resolution TEXT CHECK (resolution IN ('accepted', 'rejected'));
ALTER TABLE hq_conflict ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE hq_conflict ADD COLUMN resolved_by TEXT;
"""

# The journal head HQ holds for a terminal, read by that terminal's ``verify`` (its anchor):
# a chain rewritten or cut short on the laptop no longer matches it.
STEP_3 = """
CREATE FUNCTION hq_journal_head(p_terminal TEXT) RETURNS TABLE (seq BIGINT, hash TEXT)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    t hq_terminal%ROWTYPE;
BEGIN
    SELECT * INTO t FROM hq_terminal WHERE label = p_terminal;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Terminal % is not registered at headquarters', p_terminal USING ERRCODE = 'KP001';
    END IF;
    IF t.role_name <> session_user AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'Role % may not read terminal %', session_user, p_terminal USING ERRCODE = 'KP002';
    END IF;
    RETURN QUERY SELECT t.acked_seq, t.head_hash;
END $$;
"""

# Every record processed (issue 15, decisions.md "Sync and HQ"): day opens and closes with their
# drawer counts, cash movements, voids and refunds as records of their own day, balance ledger
# entries (top-ups, plan fees, Connect+ fees and refunds), corporate accounts, line events and
# invoices, and queue changes (reorders, retriggers) that the queue rebuild replays. A terminal's
# record belongs to the business date of that terminal's last day open before it (its sequence).
STEP_4 = """
ALTER TABLE hq_sale ADD COLUMN rounding_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE hq_sale ADD COLUMN paid_minor BIGINT;
CREATE TABLE hq_day (
    terminal TEXT NOT NULL, business_date DATE NOT NULL, outlet_code TEXT NOT NULL,
    open_uuid TEXT NOT NULL UNIQUE, opened_seq BIGINT NOT NULL, opened_by TEXT NOT NULL,
    close_uuid TEXT UNIQUE, z_number INTEGER, closed_by TEXT,
    PRIMARY KEY (terminal, business_date)
);
CREATE TABLE hq_drawer (
    terminal TEXT NOT NULL, business_date DATE NOT NULL, currency TEXT NOT NULL,
    float_minor BIGINT NOT NULL DEFAULT 0, expected_minor BIGINT, counted_minor BIGINT,
    PRIMARY KEY (terminal, business_date, currency)
);
CREATE TABLE hq_void (
    uuid TEXT PRIMARY KEY, sale_uuid TEXT NOT NULL, terminal TEXT NOT NULL, outlet_code TEXT NOT NULL,
    business_date DATE NOT NULL, receipt_number TEXT NOT NULL, reason TEXT NOT NULL, username TEXT NOT NULL
);
CREATE INDEX hq_void_date ON hq_void (business_date, outlet_code);
CREATE TABLE hq_refund (
    uuid TEXT PRIMARY KEY, sale_uuid TEXT NOT NULL, terminal TEXT NOT NULL, outlet_code TEXT NOT NULL,
    business_date DATE NOT NULL, receipt_number TEXT NOT NULL, currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL, username TEXT NOT NULL
);
CREATE INDEX hq_refund_date ON hq_refund (business_date, outlet_code);
CREATE TABLE hq_cash_movement (
    uuid TEXT PRIMARY KEY, terminal TEXT NOT NULL, outlet_code TEXT NOT NULL, business_date DATE NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')), currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL, reason TEXT NOT NULL, username TEXT NOT NULL
);
CREATE INDEX hq_cash_movement_date ON hq_cash_movement (business_date, outlet_code);
CREATE TABLE hq_balance_entry (
    customer TEXT NOT NULL, entry_key TEXT NOT NULL, terminal TEXT NOT NULL, outlet_code TEXT NOT NULL,
    day DATE NOT NULL, kind TEXT NOT NULL, currency TEXT NOT NULL, amount_minor BIGINT NOT NULL,
    corrects TEXT, period_start DATE, period_end DATE, sale_uuid TEXT,
    PRIMARY KEY (customer, entry_key)
);
CREATE INDEX hq_balance_entry_day ON hq_balance_entry (day, outlet_code);
CREATE TABLE hq_corporate_account (
    uuid TEXT PRIMARY KEY, code TEXT NOT NULL, outlet_code TEXT NOT NULL, currency TEXT NOT NULL,
    details JSONB NOT NULL, terminal TEXT NOT NULL, updated_seq BIGINT NOT NULL
);
CREATE TABLE hq_corporate_line_event (
    uuid TEXT PRIMARY KEY, account_uuid TEXT NOT NULL, line_uuid TEXT NOT NULL, kit_serial TEXT NOT NULL,
    seq INTEGER NOT NULL, kind TEXT NOT NULL, at TIMESTAMPTZ NOT NULL, username TEXT NOT NULL,
    details JSONB NOT NULL, terminal TEXT NOT NULL,
    UNIQUE (line_uuid, seq)
);
CREATE TABLE hq_corporate_invoice (
    uuid TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, account_uuid TEXT NOT NULL,
    terminal TEXT NOT NULL, outlet_code TEXT NOT NULL, business_date DATE NOT NULL,
    invoice_date DATE, currency TEXT NOT NULL, total_minor BIGINT NOT NULL, details JSONB NOT NULL
);
CREATE INDEX hq_corporate_invoice_date ON hq_corporate_invoice (business_date, outlet_code);
CREATE TABLE hq_queue_change (
    uuid TEXT PRIMARY KEY, customer TEXT NOT NULL, terminal TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('move', 'trigger')), purchase TEXT NOT NULL, details JSONB NOT NULL
);
CREATE INDEX hq_queue_change_customer ON hq_queue_change (customer, at);
-- Records processed before this step were only stored: the next `hq process` projects them
-- (every handler is idempotent; a refund's total is recomputed from hq_refund, not added again).
UPDATE hq_inbound SET processed = FALSE WHERE quarantine IS NULL AND kind IN (
    'void', 'refund', 'day_open', 'day_close', 'cash_movement', 'corporate_account',
    'corporate_line_event', 'corporate_invoice', 'queue_move', 'queue_trigger');
"""

# The outlet directory (issue 20): where each outlet is and when it is open, pulled by every
# terminal so a customer-service agent can send a caller to the nearest shop or distributor.
STEP_5 = """
ALTER TABLE hq_outlet ADD COLUMN town TEXT NOT NULL DEFAULT '';
ALTER TABLE hq_outlet ADD COLUMN district TEXT NOT NULL DEFAULT '';
ALTER TABLE hq_outlet ADD COLUMN latitude TEXT;
ALTER TABLE hq_outlet ADD COLUMN longitude TEXT;
ALTER TABLE hq_outlet ADD COLUMN opening_hours TEXT NOT NULL DEFAULT '';
ALTER TABLE hq_outlet ADD COLUMN phone TEXT NOT NULL DEFAULT '';
"""

# Crash logs a terminal sends when its machine opted in (issue 16, decisions.md "Field kit"): never a
# journal or outbox record. The terminal role may only call ``hq_send_crash_log`` for itself; it has no
# right on the table, so it reads no log, its own or another terminal's.
STEP_6 = """
CREATE TABLE hq_crash_log (
    id BIGSERIAL PRIMARY KEY, terminal TEXT NOT NULL REFERENCES hq_terminal (label),
    piece_key TEXT NOT NULL, file_name TEXT NOT NULL, content TEXT NOT NULL,
    truncated BOOLEAN NOT NULL DEFAULT FALSE, received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (terminal, piece_key)
);
CREATE FUNCTION hq_send_crash_log(
    p_terminal TEXT, p_key TEXT, p_name TEXT, p_content TEXT, p_truncated BOOLEAN
) RETURNS BOOLEAN
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    t hq_terminal%ROWTYPE;
BEGIN
    SELECT * INTO t FROM hq_terminal WHERE label = p_terminal;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Terminal % is not registered at headquarters', p_terminal USING ERRCODE = 'KP001';
    END IF;
    IF t.role_name <> session_user AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'Role % may not send logs for terminal %', session_user, p_terminal
            USING ERRCODE = 'KP002';
    END IF;
    IF octet_length(p_content) > 300000 OR length(p_name) > 100 OR length(p_key) > 200 THEN
        RAISE EXCEPTION 'A crash log piece is limited to 256 KB' USING ERRCODE = 'KP004';
    END IF;
    INSERT INTO hq_crash_log (terminal, piece_key, file_name, content, truncated)
    VALUES (p_terminal, p_key, p_name, p_content, p_truncated)
    ON CONFLICT DO NOTHING;
    RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION hq_send_crash_log(TEXT, TEXT, TEXT, TEXT, BOOLEAN) FROM PUBLIC;
"""

# A distributor's float and every outlet's offline limits (issue 19, decisions.md "Distributors'
# money"): limits set at HQ (a new row per change, the latest counts), the distributor's payments
# to Konnect, and what each sale consumed (its terminal's ``float_use`` record). A terminal reads
# its outlet's position through ``hq_my_limits`` only. Money rows are never edited or deleted.
STEP_7 = """
CREATE TABLE hq_outlet_limit (
    id BIGSERIAL PRIMARY KEY, outlet_code TEXT NOT NULL REFERENCES hq_outlet (code),
    currency TEXT, credit_limit_minor BIGINT CHECK (credit_limit_minor >= 0),
    offline_days INTEGER CHECK (offline_days > 0), offline_sales INTEGER CHECK (offline_sales > 0),
    offline_amount_minor BIGINT CHECK (offline_amount_minor > 0),
    set_at TIMESTAMPTZ NOT NULL DEFAULT now(), set_by TEXT NOT NULL DEFAULT current_user,
    CHECK ((currency IS NULL) = (credit_limit_minor IS NULL))
);
CREATE INDEX hq_outlet_limit_outlet ON hq_outlet_limit (outlet_code, id);
CREATE TABLE hq_float_top_up (
    uuid TEXT PRIMARY KEY DEFAULT gen_random_uuid()::TEXT,
    outlet_code TEXT NOT NULL REFERENCES hq_outlet (code),
    currency TEXT NOT NULL, amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    reference TEXT NOT NULL, received_on DATE NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(), recorded_by TEXT NOT NULL DEFAULT current_user,
    UNIQUE (outlet_code, reference)
);
CREATE TABLE hq_float_use (
    uuid TEXT PRIMARY KEY, sale_uuid TEXT NOT NULL UNIQUE, terminal TEXT NOT NULL,
    outlet_code TEXT NOT NULL, receipt_number TEXT NOT NULL, currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL
);
CREATE INDEX hq_float_use_outlet ON hq_float_use (outlet_code);
CREATE FUNCTION hq_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never edited or deleted', TG_TABLE_NAME USING ERRCODE = 'KP005';
END $$;
CREATE TRIGGER hq_outlet_limit_append_only BEFORE UPDATE OR DELETE ON hq_outlet_limit
    FOR EACH ROW EXECUTE FUNCTION hq_append_only();
CREATE TRIGGER hq_float_top_up_append_only BEFORE UPDATE OR DELETE ON hq_float_top_up
    FOR EACH ROW EXECUTE FUNCTION hq_append_only();
CREATE TRIGGER hq_float_use_append_only BEFORE UPDATE OR DELETE ON hq_float_use
    FOR EACH ROW EXECUTE FUNCTION hq_append_only();

-- The calling terminal's outlet: its latest limits, its top-ups, and the wholesale value of every
-- float_use record HQ has received (processed or not) whose sale no received void took back, with,
-- per terminal, its last float_use or void record counted (not its last record: a sync that brought
-- nothing new for the float must not change what the terminal pulled).
CREATE FUNCTION hq_my_limits(p_terminal TEXT) RETURNS TABLE (
    currency TEXT, credit_limit_minor BIGINT, topped_up_minor BIGINT, used_minor BIGINT, included JSONB,
    offline_days INTEGER, offline_sales INTEGER, offline_amount_minor BIGINT
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    t hq_terminal%ROWTYPE;
    l hq_outlet_limit%ROWTYPE;
BEGIN
    SELECT * INTO t FROM hq_terminal WHERE label = p_terminal;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Terminal % is not registered at headquarters', p_terminal USING ERRCODE = 'KP001';
    END IF;
    IF t.role_name <> session_user AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'Role % may not read terminal %', session_user, p_terminal USING ERRCODE = 'KP002';
    END IF;
    SELECT * INTO l FROM hq_outlet_limit WHERE outlet_code = t.outlet_code ORDER BY id DESC LIMIT 1;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH counted AS (
        SELECT o.label, o.acked_seq FROM hq_terminal o WHERE o.outlet_code = t.outlet_code
    ), used AS (
        SELECT coalesce(sum((i.payload::jsonb ->> 'amount_minor')::BIGINT), 0)::BIGINT AS minor
        FROM hq_inbound i JOIN counted c ON c.label = i.terminal
        WHERE i.kind = 'float_use' AND i.quarantine IS NULL AND i.seq <= c.acked_seq
            AND i.payload::jsonb ->> 'currency' = l.currency
            AND NOT EXISTS (
                SELECT 1 FROM hq_inbound v JOIN counted cv ON cv.label = v.terminal
                WHERE v.kind = 'void' AND v.quarantine IS NULL AND v.seq <= cv.acked_seq
                    AND v.payload::jsonb ->> 'sale' = i.payload::jsonb ->> 'sale'
            )
    )
    SELECT l.currency, l.credit_limit_minor,
        (SELECT coalesce(sum(f.amount_minor), 0)::BIGINT FROM hq_float_top_up f
         WHERE f.outlet_code = t.outlet_code AND f.currency = l.currency),
        (SELECT minor FROM used),
        (SELECT coalesce(jsonb_object_agg(c.label, coalesce((
            SELECT max(k.seq) FROM hq_inbound k WHERE k.terminal = c.label AND k.kind IN ('float_use', 'void')
                AND k.quarantine IS NULL AND k.seq <= c.acked_seq), 0)), '{}'::JSONB) FROM counted c),
        l.offline_days, l.offline_sales, l.offline_amount_minor;
END $$;
REVOKE ALL ON FUNCTION hq_my_limits(TEXT) FROM PUBLIC;
"""

# Commissions and mobile-money statements (issue 19 items 2 and 4, decisions.md "Commissions" and
# "Mobile-money reconciliation at HQ"): commission rates per bundle and outlet kind, versioned and
# pulled like prices; each sale line's commission as the terminal recorded it; the statements each
# outlet imported, sent as evidence through ``hq_send_statement`` (never a journal record) so HQ
# matches them against every outlet's payments with the terminal's own rule.
STEP_8 = """
CREATE TABLE hq_commission_rate (
    country TEXT NOT NULL, code TEXT NOT NULL,
    outlet_kind TEXT NOT NULL CHECK (outlet_kind IN ('shop', 'distributor', 'customer_service')),
    effective_from DATE NOT NULL, percent NUMERIC(7, 4) NOT NULL CHECK (percent >= 0 AND percent <= 100),
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(), version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (country, code, outlet_kind, effective_from),
    FOREIGN KEY (country, code) REFERENCES hq_bundle (country, code)
);
CREATE TRIGGER hq_commission_rate_version BEFORE INSERT OR UPDATE ON hq_commission_rate
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();
ALTER TABLE hq_sale_line ADD COLUMN commission_minor BIGINT;
ALTER TABLE hq_sale_line ADD COLUMN commission_percent TEXT;
CREATE TABLE hq_mobile_statement (
    uuid TEXT PRIMARY KEY, terminal TEXT NOT NULL REFERENCES hq_terminal (label), outlet_code TEXT NOT NULL,
    provider TEXT NOT NULL, layout_name TEXT NOT NULL, file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL,
    first_day DATE, last_day DATE, line_count INTEGER NOT NULL, imported_at TIMESTAMPTZ NOT NULL,
    imported_by TEXT NOT NULL, received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (outlet_code, file_sha256)
);
CREATE TABLE hq_mobile_statement_line (
    statement_uuid TEXT NOT NULL REFERENCES hq_mobile_statement (uuid), row_number INTEGER NOT NULL,
    reference TEXT NOT NULL, currency TEXT NOT NULL, amount_minor BIGINT NOT NULL, local_day DATE NOT NULL,
    paid_at TIMESTAMPTZ, phone TEXT,
    PRIMARY KEY (statement_uuid, row_number)
);
CREATE INDEX hq_mobile_statement_line_day ON hq_mobile_statement_line (local_day);
CREATE FUNCTION hq_send_statement(p_terminal TEXT, p_statement JSONB) RETURNS BOOLEAN
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    t hq_terminal%ROWTYPE;
    stored BOOLEAN;
BEGIN
    SELECT * INTO t FROM hq_terminal WHERE label = p_terminal;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Terminal % is not registered at headquarters', p_terminal USING ERRCODE = 'KP001';
    END IF;
    IF t.role_name <> session_user AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'Role % may not send statements for terminal %', session_user, p_terminal
            USING ERRCODE = 'KP002';
    END IF;
    IF jsonb_array_length(p_statement -> 'lines') > 100000 THEN
        RAISE EXCEPTION 'A statement is limited to 100000 lines' USING ERRCODE = 'KP004';
    END IF;
    INSERT INTO hq_mobile_statement (uuid, terminal, outlet_code, provider, layout_name, file_name,
        file_sha256, first_day, last_day, line_count, imported_at, imported_by)
    VALUES (p_statement ->> 'uuid', p_terminal, t.outlet_code, p_statement ->> 'provider',
        p_statement ->> 'layout_name', p_statement ->> 'file_name', p_statement ->> 'file_sha256',
        (p_statement ->> 'first_day')::DATE, (p_statement ->> 'last_day')::DATE,
        jsonb_array_length(p_statement -> 'lines'), (p_statement ->> 'imported_at')::TIMESTAMPTZ,
        p_statement ->> 'imported_by')
    ON CONFLICT DO NOTHING;
    stored := FOUND;
    IF stored THEN
        INSERT INTO hq_mobile_statement_line (statement_uuid, row_number, reference, currency, amount_minor,
            local_day, paid_at, phone)
        SELECT p_statement ->> 'uuid', n.row_number, n.reference, n.currency, n.amount_minor, n.local_day,
            n.paid_at, n.phone
        FROM jsonb_to_recordset(p_statement -> 'lines') AS n(row_number INTEGER, reference TEXT,
            currency TEXT, amount_minor BIGINT, local_day DATE, paid_at TIMESTAMPTZ, phone TEXT);
    END IF;
    RETURN stored;
END $$;
REVOKE ALL ON FUNCTION hq_send_statement(TEXT, JSONB) FROM PUBLIC;
"""

# The catalog's plans at HQ and a catalog change a terminal's manager made (issue 20 item 1): plans
# and their dated fees are pulled like bundles and their prices. Numbered 10: 7 to 9 land in parallel.
STEP_10 = """
CREATE TABLE hq_plan (
    country TEXT NOT NULL, code TEXT PRIMARY KEY, name TEXT NOT NULL, currency TEXT NOT NULL,
    fee_minor BIGINT NOT NULL CHECK (fee_minor > 0), period_days INTEGER NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE, version BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE hq_plan_price (
    code TEXT NOT NULL REFERENCES hq_plan (code), effective_from DATE NOT NULL,
    fee_minor BIGINT NOT NULL CHECK (fee_minor > 0), recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (code, effective_from)
);
CREATE TRIGGER hq_plan_version BEFORE INSERT OR UPDATE ON hq_plan
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();
CREATE TRIGGER hq_plan_price_version BEFORE INSERT OR UPDATE ON hq_plan_price
    FOR EACH ROW EXECUTE FUNCTION hq_bump_version();
"""

# Receipts by SMS or WhatsApp (issue 20 item 6): what terminals asked to send, queued for HQ's
# gateway (configured at HQ). The record's UUID is the key: a record pushed again is queued once.
STEP_11 = """
CREATE TABLE hq_message_queue (
    uuid TEXT PRIMARY KEY, terminal TEXT NOT NULL REFERENCES hq_terminal (label), outlet_code TEXT NOT NULL,
    receipt_number TEXT NOT NULL, channel TEXT NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
    phone TEXT NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL, parts INTEGER NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL, requested_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    queued_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX hq_message_queue_status ON hq_message_queue (status, queued_at);
"""

# What a refund gives back of a distributor's float (decisions.md "Distributors' money"): each
# refund of a sale that consumed float sends a ``float_return`` record; HQ keeps it append-only and
# ``hq_my_limits`` takes every received one off the used float, counting it in ``included``.
STEP_12 = """
CREATE TABLE hq_float_return (
    uuid TEXT PRIMARY KEY, refund_uuid TEXT NOT NULL UNIQUE, sale_uuid TEXT NOT NULL, terminal TEXT NOT NULL,
    outlet_code TEXT NOT NULL, receipt_number TEXT NOT NULL, currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0)
);
CREATE INDEX hq_float_return_outlet ON hq_float_return (outlet_code);
CREATE TRIGGER hq_float_return_append_only BEFORE UPDATE OR DELETE ON hq_float_return
    FOR EACH ROW EXECUTE FUNCTION hq_append_only();

CREATE OR REPLACE FUNCTION hq_my_limits(p_terminal TEXT) RETURNS TABLE (
    currency TEXT, credit_limit_minor BIGINT, topped_up_minor BIGINT, used_minor BIGINT, included JSONB,
    offline_days INTEGER, offline_sales INTEGER, offline_amount_minor BIGINT
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    t hq_terminal%ROWTYPE;
    l hq_outlet_limit%ROWTYPE;
BEGIN
    SELECT * INTO t FROM hq_terminal WHERE label = p_terminal;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Terminal % is not registered at headquarters', p_terminal USING ERRCODE = 'KP001';
    END IF;
    IF t.role_name <> session_user AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'Role % may not read terminal %', session_user, p_terminal USING ERRCODE = 'KP002';
    END IF;
    SELECT * INTO l FROM hq_outlet_limit WHERE outlet_code = t.outlet_code ORDER BY id DESC LIMIT 1;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH counted AS (
        SELECT o.label, o.acked_seq FROM hq_terminal o WHERE o.outlet_code = t.outlet_code
    ), used AS (
        SELECT coalesce(sum((i.payload::jsonb ->> 'amount_minor')::BIGINT), 0)::BIGINT AS minor
        FROM hq_inbound i JOIN counted c ON c.label = i.terminal
        WHERE i.kind = 'float_use' AND i.quarantine IS NULL AND i.seq <= c.acked_seq
            AND i.payload::jsonb ->> 'currency' = l.currency
            AND NOT EXISTS (
                SELECT 1 FROM hq_inbound v JOIN counted cv ON cv.label = v.terminal
                WHERE v.kind = 'void' AND v.quarantine IS NULL AND v.seq <= cv.acked_seq
                    AND v.payload::jsonb ->> 'sale' = i.payload::jsonb ->> 'sale'
            )
    ), returned AS (
        SELECT coalesce(sum((r.payload::jsonb ->> 'amount_minor')::BIGINT), 0)::BIGINT AS minor
        FROM hq_inbound r JOIN counted c ON c.label = r.terminal
        WHERE r.kind = 'float_return' AND r.quarantine IS NULL AND r.seq <= c.acked_seq
            AND r.payload::jsonb ->> 'currency' = l.currency
    )
    SELECT l.currency, l.credit_limit_minor,
        (SELECT coalesce(sum(f.amount_minor), 0)::BIGINT FROM hq_float_top_up f
         WHERE f.outlet_code = t.outlet_code AND f.currency = l.currency),
        (SELECT minor FROM used) - (SELECT minor FROM returned),
        (SELECT coalesce(jsonb_object_agg(c.label, coalesce((
            SELECT max(k.seq) FROM hq_inbound k WHERE k.terminal = c.label
                AND k.kind IN ('float_use', 'void', 'float_return')
                AND k.quarantine IS NULL AND k.seq <= c.acked_seq), 0)), '{}'::JSONB) FROM counted c),
        l.offline_days, l.offline_sales, l.offline_amount_minor;
END $$;
"""

# (number, step): numbers may have gaps, like the terminal's (decisions.md "Schema steps").
STEPS: tuple[tuple[int, str], ...] = (
    (1, STEP_1), (2, STEP_2), (3, STEP_3), (4, STEP_4), (5, STEP_5), (6, STEP_6), (7, STEP_7), (8, STEP_8),
    (10, STEP_10), (11, STEP_11), (12, STEP_12),
)  # fmt: skip


def latest_version() -> int:
    return max(number for number, _ in STEPS)


def current_version(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()
    if row is None or row[0] is None:
        return 0
    found = conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return int(found[0]) if found else 0


def applied_versions(conn: psycopg.Connection) -> set[int]:
    """The steps this HQ has, one row each in ``STEP_TABLE`` (as the terminal's, decisions.md
    "Schema steps"); an HQ from before that table applied its steps in order up to its version."""
    row = conn.execute("SELECT to_regclass(%s)", (STEP_TABLE,)).fetchone()
    if row is None or row[0] is None:
        return set(range(1, current_version(conn) + 1))
    return {int(found[0]) for found in conn.execute(f"SELECT version FROM {STEP_TABLE}")}


def migrate(conn: psycopg.Connection) -> int:
    """Apply every step this HQ lacks, each with its record in one transaction; return the
    highest version it then has."""
    with conn.transaction():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        if conn.execute(f"SELECT count(*) FROM {VERSION_TABLE}").fetchone()[0] == 0:
            conn.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
        applied = applied_versions(conn)
        conn.execute(f"CREATE TABLE IF NOT EXISTS {STEP_TABLE} (version INTEGER PRIMARY KEY)")
        for done in sorted(applied):
            conn.execute(f"INSERT INTO {STEP_TABLE} (version) VALUES (%s) ON CONFLICT DO NOTHING", (done,))
    version = current_version(conn)
    for number, step in STEPS:
        if number in applied:
            continue
        with conn.transaction():
            conn.execute(step)
            conn.execute(f"INSERT INTO {STEP_TABLE} (version) VALUES (%s)", (number,))
            version = max(version, number)
            conn.execute(f"UPDATE {VERSION_TABLE} SET version = %s", (version,))
    return version
