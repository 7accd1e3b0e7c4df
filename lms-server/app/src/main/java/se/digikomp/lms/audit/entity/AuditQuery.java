package se.digikomp.lms.audit.entity;

import java.time.Instant;
import java.util.Optional;
import se.digikomp.lms.security.AuditAction;

/**
 * A page of one organisation's audit log, newest first: optionally one action, a time window
 * ({@code from} inclusive, {@code to} exclusive) and the keyset cursor (events with an id below {@code beforeId}).
 */
public record AuditQuery(long organisationId, Optional<AuditAction> action, Optional<Instant> from,
                         Optional<Instant> to, Optional<Long> beforeId, int limit) {
}
