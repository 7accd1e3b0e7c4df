package se.digikomp.lms.security;

/** What an {@link AuditEvent} records. Stored by name; add values, never rename one that has been stored. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_LOCKED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    PEOPLE_IMPORTED,
    EXPORTED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    PERSONAL_DATA_EXPORTED,
    PERSON_ERASED
}
