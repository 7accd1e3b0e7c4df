-- A person's primary xAPI agent (se.digikomp.lms.org.LearnerAgent): an account agent whose name is this random
-- UUID, created the first time it is needed. Random, so it says nothing about the person (not the e-mail, not the
-- database id); deleted when the person is erased.
CREATE TABLE learner_agent (
    person_id       BIGINT   NOT NULL,
    organisation_id BIGINT   NOT NULL,
    name            CHAR(36) NOT NULL,
    PRIMARY KEY (person_id),
    CONSTRAINT uq_learner_agent_name UNIQUE (name),
    CONSTRAINT fk_learner_agent_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_learner_agent_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An erasure decision (gallringsbeslut) and what was done under it (se.digikomp.lms.privacy.control.Erasures).
-- person_id is the erased person's former id; the person row is gone, hence no foreign key. pseudonym is the
-- random UUID of the agent that replaced the person in xAPI statements: it is stored here and nowhere else.
-- completed_ms is null while the statements are still being pseudonymised (a job resumed at start-up).
CREATE TABLE person_erasure (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    organisation_id       BIGINT        NOT NULL,
    person_id             BIGINT        NOT NULL,
    decided_by_account_id BIGINT        NOT NULL,
    reference             VARCHAR(100)  NOT NULL,
    reason                VARCHAR(2000) NOT NULL,
    pseudonym             CHAR(36)      NOT NULL,
    decided_ms            BIGINT        NOT NULL,
    completed_ms          BIGINT        NULL,
    accounts_deleted      INT           NOT NULL DEFAULT 0,
    documents_deleted     INT           NOT NULL DEFAULT 0,
    statements_rewritten  INT           NOT NULL DEFAULT 0,
    attachments_removed   INT           NOT NULL DEFAULT 0,
    responses_removed     INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_person_erasure_person UNIQUE (organisation_id, person_id),
    CONSTRAINT fk_person_erasure_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- While an erasure runs: the xAPI keys (16-byte hashes as in xapi_statement_key) of the person's agent identities,
-- and the SHA-2 of attachments removed from their statements. Both are deleted when the erasure completes.
CREATE TABLE person_erasure_key (
    erasure_id BIGINT     NOT NULL,
    key_hash   BINARY(16) NOT NULL,
    PRIMARY KEY (erasure_id, key_hash),
    CONSTRAINT fk_person_erasure_key_erasure FOREIGN KEY (erasure_id) REFERENCES person_erasure (id)
) ENGINE = InnoDB;

CREATE TABLE person_erasure_attachment (
    erasure_id BIGINT       NOT NULL,
    sha2       VARCHAR(128) NOT NULL,
    PRIMARY KEY (erasure_id, sha2),
    CONSTRAINT fk_person_erasure_attachment_erasure FOREIGN KEY (erasure_id) REFERENCES person_erasure (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
