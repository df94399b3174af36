"""HQ schema steps 5, 6, 10 and 11: what the counters share through HQ besides their records.

The outlet directory, crash logs, the catalog's plans and managers' catalog changes, and
receipts sent by SMS or WhatsApp. A step is never edited (see ``sync_steps``).
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
