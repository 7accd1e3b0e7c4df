package se.digikomp.lms.xapi.entity;

import java.time.Instant;

/** A document as stored: content type, bytes, ETag (unquoted hex) and last modification. */
public record StoredDocument(String contentType, byte[] content, String etag, Instant updated) {

    public boolean isJson() {
        return contentType != null && contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }
}
