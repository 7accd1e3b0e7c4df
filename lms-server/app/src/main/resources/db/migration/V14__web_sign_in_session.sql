-- A signed-in browser session. The HTTP session holds only a random key; this row (id = SHA-256 hex of the key)
-- says whose it is and when it was last used, so every node agrees, an idle session expires after
-- lms.web.session-timeout, and deleting an account ends its sessions. Rows idle past the timeout are deleted
-- at the next sign-in.
CREATE TABLE sign_in_session (
    id           CHAR(64)     NOT NULL,
    account_id   BIGINT       NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_seen_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_sign_in_session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    INDEX ix_sign_in_session_account (account_id),
    INDEX ix_sign_in_session_last_seen (last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
