package se.digikomp.lms.xapi.entity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import se.digikomp.lms.xapi.control.StatementKeys;

/**
 * A validated statement ready to store: the document as it will be served, the statement as received (with
 * context activities as arrays; what an equal re-sent statement is compared with), the filter keys computed from it,
 * the statement it targets (StatementRef) and whether it voids that target.
 */
public record IncomingStatement(String id, JsonObject document, JsonObject received, Instant stored,
        Set<StatementKeys.Key> keys, Optional<String> target, boolean voiding) {
}
