package se.digikomp.lms.privacy.entity;

import java.time.Instant;

/**
 * An erasure decision and what was done under it. {@code completedAt} is null while the person's statements are
 * still being pseudonymised. The pseudonym itself is not part of this view: it stays in the database.
 */
public record Erasure(long id, long personId, long decidedByAccountId, String reference, String reason,
                      Instant decidedAt, Instant completedAt, int accountsDeleted, int documentsDeleted,
                      int statementsRewritten, int attachmentsRemoved, int responsesRemoved) {
}
