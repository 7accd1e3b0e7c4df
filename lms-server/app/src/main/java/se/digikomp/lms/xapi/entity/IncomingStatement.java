package se.digikomp.lms.xapi.entity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import se.digikomp.lms.xapi.control.StatementKeys;

/**
 * A validated statement ready to store: the document as it will be served, the filter keys computed from it,
 * the statement it targets (StatementRef) and whether it voids that target.
 */
public record IncomingStatement(String id, JsonObject document, Instant stored, Set<StatementKeys.Key> keys,
        Optional<String> target, boolean voiding) {
}
