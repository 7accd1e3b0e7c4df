package se.digikomp.lms.xapi.entity;

import java.time.Instant;

/** A statement as read back from the store. */
public record StoredStatement(long seq, String id, Instant stored, boolean voided, String document) {
}
