-- xAPI statements (issue 3). Times are epoch milliseconds (no time-zone conversion anywhere). The full statement is kept as JSON text (exactly as it is served in the "exact"
-- format); everything GET /statements filters on is an indexed column or a row of xapi_statement_key.
-- seq is strictly increasing in insertion order: the keyset cursor of `more` links, and the position an outbox
-- (statement forwarding) can read from without a rewrite.
CREATE TABLE xapi_statement (
    seq             BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id BIGINT       NOT NULL,
    statement_id    CHAR(36)     NOT NULL,
    client_id       BIGINT       NULL,
    stored_ms       BIGINT       NOT NULL,
    voided          BOOLEAN      NOT NULL DEFAULT FALSE,
    voiding         BOOLEAN      NOT NULL DEFAULT FALSE,
    has_attachments BOOLEAN      NOT NULL DEFAULT FALSE,
    document        MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_xapi_statement_id (organisation_id, statement_id),
    KEY ix_xapi_statement_org_seq (organisation_id, seq),
    KEY ix_xapi_statement_org_stored (organisation_id, stored_ms),
    CONSTRAINT fk_xapi_statement_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per (statement, filter value): kind 1 verb, 2 agent, 3 related agent, 4 activity, 5 related activity,
-- 6 registration. key_hash is the first 16 bytes of SHA-256 of the IRI / agent identifier (UUID bytes for
-- registrations). Statements targeting another statement (StatementRef) also carry the target's rows.
CREATE TABLE xapi_statement_key (
    organisation_id BIGINT     NOT NULL,
    kind            TINYINT    NOT NULL,
    key_hash        BINARY(16) NOT NULL,
    seq             BIGINT     NOT NULL,
    PRIMARY KEY (organisation_id, kind, key_hash, seq),
    KEY ix_xapi_statement_key_seq (seq)
) ENGINE = InnoDB;

-- Attachment content, addressed by its SHA-2 hash (the same content is stored once per organisation).
CREATE TABLE xapi_attachment (
    organisation_id BIGINT       NOT NULL,
    sha2            VARCHAR(128) NOT NULL,
    content_type    VARCHAR(255) NOT NULL,
    content         LONGBLOB     NOT NULL,
    PRIMARY KEY (organisation_id, sha2)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The canonical definition of each activity seen in a statement (GET /activities).
CREATE TABLE xapi_activity (
    organisation_id BIGINT     NOT NULL,
    activity_hash   BINARY(16) NOT NULL,
    activity_id     TEXT       NOT NULL,
    document        MEDIUMTEXT NOT NULL,
    PRIMARY KEY (organisation_id, activity_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- State (kind 1), activity profile (2) and agent profile (3) documents. activity_hash / agent_hash / registration
-- are all-zero where the kind has no such part.
CREATE TABLE xapi_document (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id BIGINT       NOT NULL,
    kind            TINYINT      NOT NULL,
    activity_hash   BINARY(16)   NOT NULL,
    agent_hash      BINARY(16)   NOT NULL,
    registration    BINARY(16)   NOT NULL,
    document_hash   BINARY(16)   NOT NULL,
    document_id     TEXT         NOT NULL,
    content_type    VARCHAR(255) NOT NULL,
    content         LONGBLOB     NOT NULL,
    etag            CHAR(64)     NOT NULL,
    updated_ms      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_xapi_document (organisation_id, kind, activity_hash, agent_hash, registration, document_hash),
    KEY ix_xapi_document_updated (organisation_id, kind, activity_hash, agent_hash, updated_ms),
    CONSTRAINT fk_xapi_document_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
