-- Organisations, units, people and roles (feature org).
--
-- Unit tree: a materialised path. unit.path is the chain of ids from the top unit down to the unit itself,
-- '/12/40/57/', so "this unit and everything under it" is the index range  path LIKE '/12/40/%'  in the same
-- query as everything else (no recursive CTE, no second round trip). A move rewrites the paths of the moved
-- subtree in one UPDATE; a cycle is refused when the new parent's path starts with the moved unit's path.
-- Chosen over a closure table because reads (subtree conditions on people lists, reports) far outnumber moves,
-- one indexed column keeps every scoped query a plain range scan, and a move touches only the subtree's rows
-- instead of (subtree x ancestors) closure rows. The path is ASCII (digits and '/'), so 2000 characters hold
-- more than 200 levels of nesting for ids below ten million.

ALTER TABLE unit
    ADD COLUMN path VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER parent_id;

-- Paths of the existing units, computed down the tree (the API never let a unit become its own ancestor).
CREATE TABLE unit_path_v16 (
    id   BIGINT        NOT NULL,
    path VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
INSERT INTO unit_path_v16 (id, path)
WITH RECURSIVE tree (id, path) AS (
    SELECT id, CAST(CONCAT('/', id, '/') AS CHAR(2000) CHARACTER SET ascii) FROM unit WHERE parent_id IS NULL
    UNION ALL
    SELECT u.id, CONCAT(t.path, u.id, '/') FROM unit u JOIN tree t ON u.parent_id = t.id
)
SELECT id, path FROM tree;
UPDATE unit u JOIN unit_path_v16 p ON p.id = u.id SET u.path = p.path;
DROP TABLE unit_path_v16;

-- The application always sets the path (right after the insert, once the id is known). A row written by other
-- means without one keeps NULL, and NULL is in no subtree: LIKE with NULL matches nothing, so such a unit widens
-- nobody's view.
ALTER TABLE unit ADD INDEX ix_unit_organisation_path (organisation_id, path);

-- People: external_id is the employee number (anställningsnummer) of the HR system, unique within the
-- organisation. Names and e-mail are personal data: never logged.
-- Names sort and compare as Swedish (Å, Ä, Ö after Z) in the people list and its keyset paging.
ALTER TABLE person
    MODIFY COLUMN given_name  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci NOT NULL,
    MODIFY COLUMN family_name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci NOT NULL,
    ADD COLUMN position_title   VARCHAR(200) NULL AFTER email,
    ADD COLUMN manager_id       BIGINT       NULL AFTER position_title,
    ADD COLUMN employment_start DATE         NULL AFTER manager_id,
    ADD COLUMN active           BOOLEAN      NOT NULL DEFAULT TRUE AFTER employment_start,
    ADD CONSTRAINT fk_person_manager FOREIGN KEY (manager_id) REFERENCES person (id),
    ADD INDEX ix_person_organisation_name (organisation_id, family_name, given_name, id),
    ADD INDEX ix_person_organisation_given_name (organisation_id, given_name, id),
    ADD INDEX ix_person_unit_name (unit_id, family_name, given_name, id);

-- The platform administrator manages organisations; ADMIN is an organisation's administrator.
ALTER TABLE account_role DROP CONSTRAINT ck_account_role_role;
ALTER TABLE account_role MODIFY COLUMN role VARCHAR(20) NOT NULL;
ALTER TABLE account_role ADD CONSTRAINT ck_account_role_role
    CHECK (role IN ('LEARNER', 'MANAGER', 'HR', 'AUTHOR', 'ADMIN', 'PLATFORM_ADMIN'));

-- The units a manager manages; a manager sees each of them and everything under it.
CREATE TABLE account_managed_unit (
    account_id BIGINT NOT NULL,
    unit_id    BIGINT NOT NULL,
    PRIMARY KEY (account_id, unit_id),
    CONSTRAINT fk_managed_unit_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_managed_unit_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    INDEX ix_managed_unit_unit (unit_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Managers so far saw their own unit: keep that.
INSERT INTO account_managed_unit (account_id, unit_id)
SELECT a.id, p.unit_id FROM account a
    JOIN account_role r ON r.account_id = a.id AND r.role = 'MANAGER'
    JOIN person p ON p.id = a.person_id
    WHERE p.unit_id IS NOT NULL;

-- One-time links for a new account to choose its password (accounts created by the CSV import or the API have
-- a random password hash that no password matches until then). Only the SHA-256 of the token is stored.
CREATE TABLE password_token (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    account_id BIGINT       NOT NULL,
    token_hash CHAR(64)     CHARACTER SET ascii NOT NULL,
    expires_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    used_at    TIMESTAMP(3) NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_password_token_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_password_token_hash UNIQUE (token_hash),
    INDEX ix_password_token_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
