package se.digikomp.lms.course.control;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Content-Digest} request header (RFC 9530 section 2): a structured-field dictionary (RFC 8941) of
 * algorithm = byte sequence ({@code sha-256=:base64:}). Of the algorithms RFC 9530 registers as active, sha-256 and
 * sha-512 are checked; a header naming neither is refused, as is one that does not parse.
 */
public final class ContentDigest {

    /** A parsed header: the digests by algorithm (lower case), only the supported ones. */
    private final Map<String, byte[]> digests;

    private ContentDigest(Map<String, byte[]> digests) {
        this.digests = digests;
    }

    /** Parses the header, or explains why it cannot be used. */
    public static ContentDigest parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("Content-Digest is missing: send sha-256=:<base64 of the SHA-256 of"
                    + " the body>: (RFC 9530)");
        }
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String member : header.split(",")) {
            String m = member.strip();
            int eq = m.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Content-Digest is not a structured-field dictionary: " + clip(m));
            }
            String algorithm = m.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = m.substring(eq + 1).strip();
            int params = value.indexOf(';');
            if (params >= 0) {
                value = value.substring(0, params);
            }
            if (!value.startsWith(":") || !value.endsWith(":") || value.length() < 2) {
                throw new IllegalArgumentException("Content-Digest value of " + algorithm
                        + " is not a byte sequence (:base64:)");
            }
            if (algorithm.equals("sha-256") || algorithm.equals("sha-512")) {
                try {
                    found.put(algorithm, Base64.getDecoder().decode(value.substring(1, value.length() - 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Content-Digest value of " + algorithm + " is not base64");
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("Content-Digest names no supported algorithm (sha-256, sha-512)");
        }
        return new ContentDigest(found);
    }

    public Optional<byte[]> sha256() {
        return Optional.ofNullable(digests.get("sha-256"));
    }

    public Optional<byte[]> sha512() {
        return Optional.ofNullable(digests.get("sha-512"));
    }

    /** Whether every supported digest the header gives equals the body's. */
    public boolean matches(byte[] bodySha256, byte[] bodySha512) {
        return sha256().map(d -> MessageDigest.isEqual(d, bodySha256)).orElse(true)
                && sha512().map(d -> MessageDigest.isEqual(d, bodySha512)).orElse(true);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
