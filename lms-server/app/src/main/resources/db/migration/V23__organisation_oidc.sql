-- OpenID Connect sign-in, configured per organisation (one identity provider each; see README "Signing in
-- with OpenID Connect"). The client secret is never stored: client_secret_env names the environment variable
-- or client_secret_file the file (under lms.oidc.secrets-dir) the server reads it from; exactly one is set.
-- claim_name is the ID token claim whose value matches person_field of a person of the same organisation.
CREATE TABLE organisation_oidc (
    organisation_id    BIGINT       NOT NULL,
    enabled            BOOLEAN      NOT NULL DEFAULT FALSE,
    display_name       VARCHAR(100) NOT NULL,
    issuer             VARCHAR(500) NOT NULL,
    client_id          VARCHAR(255) NOT NULL,
    client_secret_env  VARCHAR(100) NULL,
    client_secret_file VARCHAR(500) NULL,
    claim_name         VARCHAR(100) NOT NULL,
    person_field       VARCHAR(16)  NOT NULL,
    updated_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (organisation_id),
    CONSTRAINT fk_organisation_oidc_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_organisation_oidc_person_field CHECK (person_field IN ('EMAIL', 'EMPLOYEE_NUMBER')),
    CONSTRAINT ck_organisation_oidc_one_secret CHECK ((client_secret_env IS NULL) <> (client_secret_file IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
