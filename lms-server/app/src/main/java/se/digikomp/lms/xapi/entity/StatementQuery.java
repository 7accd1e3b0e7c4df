package se.digikomp.lms.xapi.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The filters of GET /statements (xAPI 1.0.3 Communication 2.1.3, 2.0 4.1.6.1) after parsing: key filters
 * (all must match), the time window on "stored", the order, the page size, the cursor of a `more` link, and the
 * client whose own statements are the only ones visible (statements/read/mine).
 */
public record StatementQuery(List<KeyFilter> keys, Optional<Instant> since, Optional<Instant> until,
        boolean ascending, int limit, Optional<Long> afterSeq, Optional<Long> onlyClient) {

    /** One key filter: a kind and its 16-byte value. */
    public record KeyFilter(KeyKind kind, byte[] hash) {
    }
}
