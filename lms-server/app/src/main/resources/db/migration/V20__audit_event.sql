-- The audit log of security events (se.digikomp.lms.security.AuditEvent, stored by
-- se.digikomp.lms.audit.control.AuditLog). Ids only: no name, e-mail address or request body is ever written here.
-- The application only inserts and reads these rows; no code path updates or deletes one. There is deliberately no
-- foreign key to account: an account that is erased keeps its id in the log, and the log stays as it was.
-- occurred_ms is epoch milliseconds (UTC, no time-zone conversion), as in the xAPI tables.
CREATE TABLE audit_event (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NULL,     -- null for an event no organisation can be named for (unknown account)
    actor_account_id BIGINT       NULL,     -- null for an anonymous caller
    action           VARCHAR(32)  NOT NULL, -- AuditAction by name
    object_type      VARCHAR(32)  NULL,
    object_id        VARCHAR(64)  NULL,
    remote_address   VARCHAR(45)  NULL,     -- IPv4 or IPv6 text form
    detail           VARCHAR(500) NULL,
    occurred_ms      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_event_org_id (organisation_id, id),
    KEY ix_audit_event_org_action_id (organisation_id, action, id),
    CONSTRAINT fk_audit_event_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
