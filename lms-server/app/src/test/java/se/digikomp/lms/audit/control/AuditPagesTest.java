package se.digikomp.lms.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.digikomp.lms.audit.entity.AuditQuery;
import se.digikomp.lms.security.AuditAction;

class AuditPagesTest {

    @Test
    void readsEveryFilter() {
        AuditQuery q = AuditPages.query(7, "SIGN_IN", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "42", "10");
        assertEquals(7, q.organisationId());
        assertEquals(AuditAction.SIGN_IN, q.action().orElseThrow());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), q.from().orElseThrow());
        assertEquals(Instant.parse("2026-12-02T00:00:00Z"), q.to().orElseThrow());
        assertEquals(42L, q.beforeId().orElseThrow());
        assertEquals(10, q.limit());
    }

    @Test
    void emptyParametersMeanNoFilterAndTheDefaultPageSize() {
        AuditQuery q = AuditPages.query(7, "", null, " ", null, "");
        assertTrue(q.action().isEmpty() && q.from().isEmpty() && q.to().isEmpty() && q.beforeId().isEmpty());
        assertEquals(AuditPages.DEFAULT_LIMIT, q.limit());
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertTrue(message(() -> AuditPages.query(1, "DROP", null, null, null, null)).startsWith("action must be"));
        assertTrue(message(() -> AuditPages.query(1, null, "yesterday", null, null, null)).startsWith("from must"));
        assertTrue(message(() -> AuditPages.query(1, null, null, "2026-13-01", null, null)).startsWith("to must"));
        assertTrue(message(() -> AuditPages.query(1, null, null, null, "-3", null)).startsWith("before must"));
        assertTrue(message(() -> AuditPages.query(1, null, null, null, null, "201")).startsWith("limit must"));
        assertTrue(message(() -> AuditPages.query(1, null, null, null, null, "0")).startsWith("limit must"));
        assertTrue(message(() -> AuditPages.query(1, null, "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z", null,
                null)).startsWith("from must be before to"));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
