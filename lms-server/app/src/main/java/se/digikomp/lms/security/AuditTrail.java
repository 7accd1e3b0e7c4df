package se.digikomp.lms.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;

/**
 * Fires the sign-in feature's {@link AuditEvent}s inside a transaction of their own when the caller has none
 * (authentication runs before any resource's transaction), so the audit log's observer always has one.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Event<AuditEvent> events;

    /** An event about the account itself (sign-in, failure, lock, sign-out). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(AuditAction action, Long organisationId, Long accountId, HttpServletRequest request,
                       String detail) {
        events.fire(new AuditEvent(organisationId, accountId, action, accountId == null ? null : "account",
                accountId == null ? null : String.valueOf(accountId),
                request == null ? null : request.getRemoteAddr(), detail));
    }

    /** An event about an object of the account's (an API token). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(AuditAction action, Caller actor, String objectType, String objectId,
                       HttpServletRequest request) {
        events.fire(new AuditEvent(actor.organisationId(), actor.accountId(), action, objectType, objectId,
                request == null ? null : request.getRemoteAddr(), null));
    }
}
