-- 003: an Exclusive is sold with the Commercial licenses its buyer was shown.
--
-- An Exclusive quote records the Commercial licenses running when it was
-- given (how many, and when the last of them ends). An order on that quote
-- is refused, and a paid one rejected and refunded, when more are running by
-- the time it is made or paid: a Commercial sale completed in between. Quotes
-- given before this migration recorded nothing and are not checked.

ALTER TABLE quotes ADD COLUMN commercial_tail_count INTEGER CHECK (commercial_tail_count >= 0);
ALTER TABLE quotes ADD COLUMN commercial_tail_until TEXT;

-- The new rejection code needs a wider CHECK, and SQLite changes a CHECK only
-- by rebuilding the table: same columns, same order, same indexes.
CREATE TABLE orders_new (
  id                TEXT PRIMARY KEY,
  quote_id          TEXT NOT NULL REFERENCES quotes (id),
  persona_id        TEXT NOT NULL REFERENCES personas (id),
  license           TEXT NOT NULL CHECK (license IN ('commercial', 'exclusive', 'ownership')),
  price_cents       INTEGER NOT NULL CHECK (price_cents > 0),
  currency          TEXT NOT NULL,
  buyer_name        TEXT NOT NULL,
  buyer_email       TEXT NOT NULL,
  agreement_version TEXT NOT NULL,
  idempotency_key   TEXT NOT NULL UNIQUE,
  request_hash      TEXT NOT NULL,
  origin            TEXT,
  return_url        TEXT,
  status            TEXT NOT NULL
                    CHECK (status IN ('awaiting_payment', 'confirming', 'completed', 'expired', 'rejected')),
  payment_reference TEXT,
  confirmations     INTEGER NOT NULL DEFAULT 0,
  rejection_reason  TEXT,
  created_at        TEXT NOT NULL,
  expires_at        TEXT NOT NULL,
  paid_at           TEXT,
  completed_at      TEXT,
  rejection_code    TEXT
                    CHECK (rejection_code IN ('exclusive_active', 'requires_active_exclusive', 'exclusive_holder_only',
                      'assigned', 'unpublished', 'commercial_tail_grew'))
);
INSERT INTO orders_new SELECT * FROM orders;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE INDEX orders_by_persona ON orders (persona_id, status);
CREATE INDEX orders_by_status_expiry ON orders (status, expires_at);
