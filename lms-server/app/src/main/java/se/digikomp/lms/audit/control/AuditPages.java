package se.digikomp.lms.audit.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import se.digikomp.lms.audit.entity.AuditQuery;
import se.digikomp.lms.security.AuditAction;

/** Reads the filters of an audit log page (API query parameters or page fields) into an {@link AuditQuery}. */
public final class AuditPages {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private AuditPages() {
    }

    /**
     * The query for the given raw parameters (each may be null or empty: not given).
     *
     * @throws IllegalArgumentException naming the parameter and the reason, for a value that cannot be used
     */
    public static AuditQuery query(long organisationId, String action, String from, String to, String before,
            String limit) {
        Optional<Instant> since = instant("from", from);
        Optional<Instant> until = instant("to", to);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("from must be before to.");
        }
        return new AuditQuery(organisationId, action(action), since, until, cursor(before), limit(limit));
    }

    static Optional<AuditAction> action(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AuditAction.valueOf(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action must be one of " + Arrays.toString(AuditAction.values())
                    + ".");
        }
    }

    static Optional<Instant> instant(String name, String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO 8601 instant such as 2026-12-01T08:00:00Z.");
        }
    }

    static Optional<Long> cursor(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 1) {
                throw new NumberFormatException();
            }
            return Optional.of(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("before must be the id of an audit event (a positive whole number).");
        }
    }

    static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
