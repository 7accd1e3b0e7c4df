package se.digikomp.lms.security;

import java.util.Objects;

/**
 * A security event for the audit log: who (an account id, none for an anonymous caller), did what, to which
 * object, in which organisation, from where. A feature fires it as a synchronous CDI event
 * ({@code @Inject Event<AuditEvent> audit; audit.fire(...)}), so it is written in the caller's transaction and
 * an action that rolls back leaves no audit row. Ids only: never a name or an e-mail address, in
 * {@code detail} either.
 */
public record AuditEvent(Long organisationId, Long actorAccountId, AuditAction action, String objectType,
                         String objectId, String remoteAddress, String detail) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
    }
}
