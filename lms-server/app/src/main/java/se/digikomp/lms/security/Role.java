package se.digikomp.lms.security;

/** What an account may do; an account has one or more. Stored by name in {@code account_role.role}. */
public enum Role {
    /** takes courses, sees only their own progress */
    LEARNER,
    /** sees their unit's completion and competence */
    MANAGER,
    /** competence and compliance reports for their organisation */
    HR,
    /** writes, packages and publishes courses */
    AUTHOR,
    /** an organisation's administrator: its units, people, roles, LRS credentials, retention */
    ADMIN,
    /** the installation's administrator: creates and renames organisations (no rights inside one by this role) */
    PLATFORM_ADMIN
}
