-- The language a person chose for the pages (a BCP 47 tag such as 'sv' or 'en'); NULL until they choose, when
-- the browser's Accept-Language decides.
ALTER TABLE account ADD COLUMN language VARCHAR(8) NULL;

-- Failed sign-ins per username, shared by every server node: after a few failures each attempt waits longer,
-- then the username is locked for a while. Keyed by SHA-256 (hex) of the lower-cased username, so usernames
-- that do not exist are throttled exactly like those that do and no typed name is stored.
CREATE TABLE sign_in_throttle (
    username_hash   CHAR(64)     NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    next_attempt_at TIMESTAMP(3) NULL,
    locked_until    TIMESTAMP(3) NULL,
    PRIMARY KEY (username_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
