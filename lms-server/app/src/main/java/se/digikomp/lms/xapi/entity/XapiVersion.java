package se.digikomp.lms.xapi.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two xAPI versions this LRS speaks. xAPI 1.0.3 Communication 3.3 / xAPI 2.0 4.1.2: every request carries
 * X-Experience-API-Version; 1.0.0-1.0.x requests are answered as 1.0.3 (legacy authoring tools send 1.0.0-1.0.2),
 * 2.0.x requests as 2.0.0.
 */
public enum XapiVersion {
    V1_0_3("1.0.3"),
    V2_0_0("2.0.0");

    private static final Pattern V1 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern V2 = Pattern.compile("2\\.0(\\.\\d+)?");

    private final String header;

    XapiVersion(String header) {
        this.header = header;
    }

    /** The value sent back in X-Experience-API-Version and written into statements without a version. */
    public String header() {
        return header;
    }

    public boolean isV2() {
        return this == V2_0_0;
    }

    /** Parses a request header value; empty for versions this LRS does not speak. */
    public static Optional<XapiVersion> fromHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (V1.matcher(v).matches()) {
            return Optional.of(V1_0_3);
        }
        if (V2.matcher(v).matches()) {
            return Optional.of(V2_0_0);
        }
        return Optional.empty();
    }

    /** A statement's own "version" property: 1.0, 1.0.x, 2.0 or 2.0.x (xAPI 1.0.3 Data 2.4.10, 2.0 4.2.4.3). */
    public static boolean isValidStatementVersion(String value) {
        return V1.matcher(value).matches() || V2.matcher(value).matches();
    }
}
