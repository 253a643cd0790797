-- 002: why a rejected order ended, as a code as well as in words.
--
-- `rejection_reason` holds English prose for people; clients that show the
-- buyer their own language need the reason as data. Orders rejected before
-- this migration keep a NULL code and their prose.

ALTER TABLE orders ADD COLUMN rejection_code TEXT
  CHECK (rejection_code IN ('exclusive_active', 'requires_active_exclusive', 'exclusive_holder_only', 'assigned',
    'unpublished'));
