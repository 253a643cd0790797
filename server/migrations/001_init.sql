-- 001: the marketplace's first schema.
--
-- Conventions
-- * Timestamps are ISO 8601 UTC strings as `Date#toISOString()` writes them
--   (`2026-06-01T00:00:00.000Z`), so text comparison is time comparison.
-- * Money is integer minor units (`*_cents`) plus an ISO 4217 `currency`.
-- * States that the platform rules depend on (moderation status, rating, license
--   tier, order status, ledger party) are CHECKed here. Taxonomies that grow
--   with the product (niches, use cases, custom-order types) are validated by
--   the application's schemas instead, so adding one needs no table rebuild.

CREATE TABLE creators (
  id            INTEGER PRIMARY KEY,
  handle        TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  bio           TEXT NOT NULL DEFAULT '',
  website       TEXT,
  -- Private: contact and payout data never leave the server.
  email         TEXT NOT NULL,
  payout_wallet TEXT,
  joined_at     TEXT NOT NULL
);

CREATE TABLE personas (
  id                     TEXT PRIMARY KEY,
  creator_id             INTEGER NOT NULL REFERENCES creators (id),
  -- NOCASE so that the `name` sort and its keyset comparison agree.
  name                   TEXT NOT NULL COLLATE NOCASE,
  niche                  TEXT NOT NULL,
  description            TEXT NOT NULL,
  content_rating         TEXT NOT NULL
                         CHECK (content_rating IN ('general', 'suggestive', 'erotic', 'explicit')),
  -- Numeric rank of content_rating, for "at most" filters.
  rating_rank            INTEGER NOT NULL,
  commercial_price_cents INTEGER NOT NULL CHECK (commercial_price_cents > 0),
  currency               TEXT NOT NULL DEFAULT 'USD',
  status                 TEXT NOT NULL
                         CHECK (status IN ('draft', 'submitted', 'in_review', 'published', 'rejected')),
  created_at             TEXT NOT NULL,
  published_at           TEXT,
  CHECK (rating_rank = CASE content_rating
                         WHEN 'general' THEN 0 WHEN 'suggestive' THEN 1
                         WHEN 'erotic' THEN 2 ELSE 3 END),
  CHECK (status <> 'published' OR published_at IS NOT NULL)
);

-- Keyset paging: one partial index per catalog sort, scanned in either direction.
CREATE INDEX personas_published_newest ON personas (published_at, id) WHERE status = 'published';
CREATE INDEX personas_published_price ON personas (commercial_price_cents, id) WHERE status = 'published';
CREATE INDEX personas_published_name ON personas (name, id) WHERE status = 'published';
-- The same per creator, for a creator's own storefront.
CREATE INDEX personas_creator_newest ON personas (creator_id, published_at, id) WHERE status = 'published';
CREATE INDEX personas_creator_price ON personas (creator_id, commercial_price_cents, id) WHERE status = 'published';
CREATE INDEX personas_creator_name ON personas (creator_id, name, id) WHERE status = 'published';

CREATE TABLE persona_tags (
  persona_id TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  tag        TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (persona_id, position),
  UNIQUE (persona_id, tag)
);
CREATE INDEX persona_tags_by_tag ON persona_tags (tag, persona_id);

CREATE TABLE persona_use_cases (
  persona_id TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  use_case   TEXT NOT NULL,
  PRIMARY KEY (persona_id, position),
  UNIQUE (persona_id, use_case)
);
CREATE INDEX persona_use_cases_by_use_case ON persona_use_cases (use_case, persona_id);

-- Title image and previews. The files themselves are rendered on request from
-- the row (see server/media.ts); a row says what exists and how big it is.
CREATE TABLE media (
  id               INTEGER PRIMARY KEY,
  persona_id       TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
  role             TEXT NOT NULL CHECK (role IN ('title', 'preview')),
  kind             TEXT NOT NULL CHECK (kind IN ('image', 'video')),
  position         INTEGER NOT NULL CHECK (position >= 0),
  width            INTEGER NOT NULL CHECK (width BETWEEN 1 AND 20000),
  height           INTEGER NOT NULL CHECK (height BETWEEN 1 AND 20000),
  alt              TEXT NOT NULL,
  duration_seconds REAL,
  UNIQUE (persona_id, role, position),
  CHECK (role = 'preview' OR kind = 'image'),
  CHECK ((kind = 'video') = (duration_seconds IS NOT NULL))
);
CREATE UNIQUE INDEX media_one_title ON media (persona_id) WHERE role = 'title';

CREATE TABLE deliverables (
  persona_id TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  label      TEXT NOT NULL,
  PRIMARY KEY (persona_id, position)
);

-- A quote is the server's authoritative price for one tier, valid until expires_at.
CREATE TABLE quotes (
  id                TEXT PRIMARY KEY,
  persona_id        TEXT NOT NULL REFERENCES personas (id),
  license           TEXT NOT NULL CHECK (license IN ('commercial', 'exclusive', 'ownership')),
  price_cents       INTEGER NOT NULL CHECK (price_cents > 0),
  currency          TEXT NOT NULL,
  policy_version    TEXT NOT NULL,
  agreement_version TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  expires_at        TEXT NOT NULL
);
CREATE INDEX quotes_by_persona ON quotes (persona_id);

-- An order: a buyer's commitment to pay a quote. The Idempotency-Key makes a
-- retried POST return the same order; request_hash tells a retry (same body)
-- from a misuse of the key (different body).
CREATE TABLE orders (
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
  completed_at      TEXT
);
CREATE INDEX orders_by_persona ON orders (persona_id, status);
CREATE INDEX orders_by_status_expiry ON orders (status, expires_at);

-- A license record: rights granted on a persona from effective_at (payment
-- completed) until expires_at (NULL: no term, i.e. Ownership). Seeded history
-- has no order.
CREATE TABLE licenses (
  id           TEXT PRIMARY KEY,
  persona_id   TEXT NOT NULL REFERENCES personas (id),
  license      TEXT NOT NULL CHECK (license IN ('commercial', 'exclusive', 'ownership')),
  buyer_name   TEXT NOT NULL,
  buyer_email  TEXT NOT NULL,
  effective_at TEXT NOT NULL,
  expires_at   TEXT,
  order_id     TEXT UNIQUE REFERENCES orders (id),
  created_at   TEXT NOT NULL,
  CHECK ((license = 'ownership') = (expires_at IS NULL)),
  CHECK (expires_at IS NULL OR expires_at > effective_at)
);
-- Availability is computed from this index at the clock's "now" on every read.
CREATE INDEX licenses_by_persona ON licenses (persona_id, license, effective_at);

CREATE TABLE certificates (
  id         TEXT PRIMARY KEY,
  license_id TEXT NOT NULL UNIQUE REFERENCES licenses (id),
  order_id   TEXT UNIQUE REFERENCES orders (id),
  -- JSON array of the core rights as worded when the certificate was issued.
  rights     TEXT NOT NULL,
  issued_at  TEXT NOT NULL
);

CREATE TABLE custom_orders (
  id                TEXT PRIMARY KEY,
  persona_id        TEXT NOT NULL REFERENCES personas (id),
  buyer_name        TEXT NOT NULL,
  buyer_email       TEXT NOT NULL,
  type              TEXT NOT NULL,
  goal              TEXT NOT NULL,
  channel           TEXT NOT NULL,
  deliverable_count INTEGER NOT NULL CHECK (deliverable_count BETWEEN 1 AND 100),
  formats           TEXT NOT NULL,              -- JSON array
  reference_urls    TEXT NOT NULL DEFAULT '[]', -- JSON array
  must_avoid        TEXT NOT NULL DEFAULT '',
  deadline          TEXT NOT NULL,              -- YYYY-MM-DD
  budget_cents      INTEGER NOT NULL CHECK (budget_cents >= 0),
  currency          TEXT NOT NULL,
  content_rating    TEXT NOT NULL
                    CHECK (content_rating IN ('general', 'suggestive', 'erotic', 'explicit')),
  status            TEXT NOT NULL CHECK (status IN ('submitted', 'in_review', 'accepted', 'declined')),
  idempotency_key   TEXT NOT NULL UNIQUE,
  request_hash      TEXT NOT NULL,
  origin            TEXT,
  created_at        TEXT NOT NULL
);
CREATE INDEX custom_orders_by_persona ON custom_orders (persona_id);

-- Who earns what from a completed order: one creator row and one platform row.
CREATE TABLE ledger (
  id           INTEGER PRIMARY KEY,
  order_id     TEXT NOT NULL REFERENCES orders (id),
  party        TEXT NOT NULL CHECK (party IN ('creator', 'platform')),
  creator_id   INTEGER REFERENCES creators (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  currency     TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  UNIQUE (order_id, party),
  CHECK ((party = 'creator') = (creator_id IS NOT NULL))
);
CREATE INDEX ledger_by_creator ON ledger (creator_id);
