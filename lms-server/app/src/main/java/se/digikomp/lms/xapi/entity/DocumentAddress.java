package se.digikomp.lms.xapi.entity;

/**
 * Where a document lives: its kind and the 16-byte keys of its activity, agent and registration (all-zero where
 * the kind has none), plus its own id (stateId / profileId), or null for the whole set.
 */
public record DocumentAddress(DocumentKind kind, byte[] activity, byte[] agent, byte[] registration,
        String documentId) {

    public static final byte[] NONE = new byte[16];

    public DocumentAddress withDocumentId(String id) {
        return new DocumentAddress(kind, activity, agent, registration, id);
    }
}
