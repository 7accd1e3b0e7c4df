-- Foundation schema: organisations, their unit tree, people, login accounts and LRS credentials.
-- utf8mb4 and InnoDB throughout; the SQL runs on MySQL 8 and MariaDB 10.6+.
-- created_at columns carry an explicit DEFAULT so MariaDB 10.6 (explicit_defaults_for_timestamp=OFF) does not
-- add ON UPDATE CURRENT_TIMESTAMP to them.

CREATE TABLE organisation (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    slug       VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT uq_organisation_slug UNIQUE (slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A unit (förvaltning, avdelning, enhet) in a tree within one organisation.
CREATE TABLE unit (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id BIGINT       NOT NULL,
    parent_id       BIGINT       NULL,
    code            VARCHAR(64)  NULL,     -- the HR system's identifier, when imported
    name            VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_unit_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_unit_parent FOREIGN KEY (parent_id) REFERENCES unit (id),
    CONSTRAINT uq_unit_code UNIQUE (organisation_id, code),
    INDEX ix_unit_organisation_parent (organisation_id, parent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An employee. given_name, family_name and email are personal data (GDPR): never logged, never exported
-- to another organisation.
CREATE TABLE person (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id BIGINT       NOT NULL,
    unit_id         BIGINT       NULL,
    external_id     VARCHAR(64)  NULL,     -- the HR system's employee identifier, when imported
    given_name      VARCHAR(100) NOT NULL,
    family_name     VARCHAR(100) NOT NULL,
    email           VARCHAR(254) NULL,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_person_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_person_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT uq_person_external_id UNIQUE (organisation_id, external_id),
    CONSTRAINT uq_person_email UNIQUE (organisation_id, email),
    INDEX ix_person_unit (unit_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A login for a person. password_hash = Base64(PBKDF2WithHmacSHA256(password, Base64-decoded password_salt,
-- 210000 iterations, 256 bits)), see se.digikomp.lms.security.SecretHasher.
CREATE TABLE account (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    person_id     BIGINT       NOT NULL,
    username      VARCHAR(100) NOT NULL,
    password_salt VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(128) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_account_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT uq_account_username UNIQUE (username),
    CONSTRAINT uq_account_person UNIQUE (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_account_role_role CHECK (role IN ('LEARNER', 'MANAGER', 'HR', 'AUTHOR', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Credentials of xAPI clients (HTTP Basic against /xapi). secret_salt = Base64 of 16 random bytes,
-- secret_hash = Base64(PBKDF2WithHmacSHA256(secret, Base64-decoded salt, 210000 iterations, 256 bits)).
CREATE TABLE lrs_client (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id BIGINT       NOT NULL,
    client_key      VARCHAR(64)  NOT NULL,
    secret_salt     VARCHAR(64)  NOT NULL,
    secret_hash     VARCHAR(128) NOT NULL,
    scopes          VARCHAR(512) NOT NULL, -- space-separated xAPI scopes, e.g. "all" or "statements/write statements/read/mine"
    label           VARCHAR(200) NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_lrs_client_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_lrs_client_key UNIQUE (client_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
