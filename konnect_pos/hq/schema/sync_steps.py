"""HQ schema steps 1 to 4: the sync itself.

The rows every terminal pulls, what terminals push (``hq_inbound``) and what HQ derives from
it, the door's quarantine, the journal head a terminal's ``verify`` anchors to, and every kind
of record processed into HQ's tables. A step is history: an HQ that ran it keeps what it did,
so a step is never edited; a later step changes what it made.
"""

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
