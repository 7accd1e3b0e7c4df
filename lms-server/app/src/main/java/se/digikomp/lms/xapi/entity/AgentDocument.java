package se.digikomp.lms.xapi.entity;

import java.util.Optional;
import java.util.UUID;

/**
 * A state or agent-profile document kept for an agent, as a person's data export shows it: its kind, its activity
 * (the IRI when the LRS has seen the activity in a statement, else empty), its registration (state documents that
 * have one), its own id and the stored document.
 */
public record AgentDocument(DocumentKind kind, Optional<String> activityId, Optional<UUID> registration,
                            String documentId, StoredDocument document) {
}
