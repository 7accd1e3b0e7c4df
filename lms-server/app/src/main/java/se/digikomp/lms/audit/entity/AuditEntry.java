package se.digikomp.lms.audit.entity;

import java.time.Instant;

/** One stored audit event as the log shows it: ids only, never a name or an e-mail address. */
public record AuditEntry(long id, Instant occurredAt, String action, Long actorAccountId, String objectType,
                         String objectId, String remoteAddress, String detail) {
}
