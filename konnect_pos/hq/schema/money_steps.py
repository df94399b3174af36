"""HQ schema steps 7, 8, 12 and 13: distributors' money and commissions.

Floats, limits and what each sale consumed and each refund gave back; commission rates and
mobile-money statements. ``hq_my_limits`` is stated whole by each step that changes it
(``CREATE OR REPLACE``): a step is never edited (see ``sync_steps``).
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

# A give-back is capped by what its sale used (decisions.md "Distributors' money"): per sale, what
# the float_return records give back counts up to that sale's float_use and no further, and nothing
# for a sale without one or whose void already gave it all back, whatever order the records came
# in. A use or give-back that is not a whole number of minor units from 0 to 10^13 counts for
# nothing (``hq_minor``), nor one that is not JSON (``hq_json_or_null``, for the records not yet
# processed: the door parsed the others), so a record the door has not yet refused cannot lower
# the used float or stop the function for the outlet's other terminals. One pass grouped by sale,
# no join: step 12's NOT EXISTS took 135 ms on 35,000 float records once analyzed and 168 s before
# (nested loops on a fresh table's estimates); this takes 150 ms either way (docs/performance.md).
STEP_13 = """
-- A sale's voids, refunds and give-backs, found by the sale: the door's checks, the refund's total
-- and ``hq floats`` read them per sale (a scan of every row each time before).
CREATE INDEX hq_void_sale ON hq_void (sale_uuid);
CREATE INDEX hq_refund_sale ON hq_refund (sale_uuid);
CREATE INDEX hq_float_return_sale ON hq_float_return (sale_uuid);

CREATE FUNCTION hq_json_or_null(p_text TEXT) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN p_text::jsonb;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION hq_minor(p_payload JSONB) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(p_payload -> 'amount_minor') = 'number'
                     AND (p_payload ->> 'amount_minor') ~ '^[0-9]{1,14}$'
                     AND (p_payload ->> 'amount_minor')::BIGINT <= 10000000000000
                THEN (p_payload ->> 'amount_minor')::BIGINT END
$$;

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
    ), received AS MATERIALIZED (  -- each payload parsed once
        SELECT i.kind, CASE WHEN i.processed THEN i.payload::jsonb ELSE hq_json_or_null(i.payload) END AS doc
        FROM hq_inbound i JOIN counted c ON c.label = i.terminal
        WHERE i.kind IN ('float_use', 'float_return', 'void') AND i.quarantine IS NULL
            AND i.seq <= c.acked_seq
    ), per_sale AS (  -- one pass, no join: robust to the planner's estimates of a fresh table
        SELECT r.doc ->> 'sale' AS sale,
            sum(hq_minor(r.doc)) FILTER (WHERE r.kind = 'float_use' AND r.doc ->> 'currency' = l.currency)
                AS used,
            sum(hq_minor(r.doc)) FILTER (WHERE r.kind = 'float_return' AND r.doc ->> 'currency' = l.currency)
                AS given_back,
            bool_or(r.kind = 'void') AS voided
        FROM received r GROUP BY 1
    )
    SELECT l.currency, l.credit_limit_minor,
        (SELECT coalesce(sum(f.amount_minor), 0)::BIGINT FROM hq_float_top_up f
         WHERE f.outlet_code = t.outlet_code AND f.currency = l.currency),
        (SELECT coalesce(sum(p.used - LEAST(coalesce(p.given_back, 0), p.used)), 0)::BIGINT
         FROM per_sale p WHERE p.used IS NOT NULL AND NOT p.voided),
        (SELECT coalesce(jsonb_object_agg(c.label, coalesce((
            SELECT max(k.seq) FROM hq_inbound k WHERE k.terminal = c.label
                AND k.kind IN ('float_use', 'void', 'float_return')
                AND k.quarantine IS NULL AND k.seq <= c.acked_seq), 0)), '{}'::JSONB) FROM counted c),
        l.offline_days, l.offline_sales, l.offline_amount_minor;
END $$;
"""
