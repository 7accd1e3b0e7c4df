package se.digikomp.lms.oidc.entity;

/** The field of a person that an identity provider's claim is matched against, within one organisation. */
public enum PersonField {
    /** {@code person.email} (compared without regard to case) */
    EMAIL,
    /** {@code person.external_id}, the employee number from the HR system (compared exactly) */
    EMPLOYEE_NUMBER
}
