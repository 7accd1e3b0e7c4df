package se.digikomp.lms.xapi.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats of xAPI (1.0.3 Data 4 "Special Data Types and Rules", 2.0 4.2.7 "Additional Requirements for
 * Data Types"): IRIs and IRLs, UUIDs, RFC 5646 language tags, ISO 8601 durations and timestamps, mailto IRIs.
 */
public final class ValueFormats {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** RFC 3987 absolute IRI: a scheme, a colon, no white space or characters forbidden in IRIs. */
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+");

    /** RFC 5646 language tag (well-formed, case-insensitive), including private use and the grandfathered forms. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "(?i)(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\\d{3}))?"
                    + "(?:-(?:[a-z0-9]{5,8}|\\d[a-z0-9]{3}))*(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?"
                    + "|x(?:-[a-z0-9]{1,8})+"
                    + "|en-GB-oed|i-[a-z]{2,8}|sgn-[a-z]{2}-[a-z]{2,3}|art-lojban|cel-gaulish|no-bok|no-nyn"
                    + "|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang)");

    /** ISO 8601 duration: PnYnMnDTnHnMnS (the last present component may carry a fraction) or PnW alone. */
    private static final Pattern DURATION = Pattern.compile(
            "P(?:\\d+(?:[.,]\\d+)?W|(?=\\d|T\\d)(?:\\d+(?:[.,]\\d+)?Y)?(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?D)?"
                    + "(?:T(?=\\d)(?:\\d+(?:[.,]\\d+)?H)?(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?S)?)?)");

    /** ISO 8601 date-time, extended or basic format, optional fraction and offset. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})[Tt ](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?"
                    + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");

    private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s:/]+@[^@\\s/]+\\.[^@\\s/]+|mailto:[^@\\s:/]+@[^@\\s/.]+");

    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

    private static final Pattern SHA2 = Pattern.compile("[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128}");

    private static final Pattern MEDIA_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\\s*;.*)?");

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private ValueFormats() {
    }

    public static boolean isUuid(String s) {
        return s != null && UUID.matcher(s).matches();
    }

    public static boolean isIri(String s) {
        return s != null && IRI.matcher(s).matches();
    }

    public static boolean isLanguageTag(String s) {
        return s != null && LANGUAGE_TAG.matcher(s).matches();
    }

    public static boolean isDuration(String s) {
        return s != null && s.length() > 1 && DURATION.matcher(s).matches();
    }

    public static boolean isMailto(String s) {
        return s != null && MAILTO.matcher(s).matches();
    }

    public static boolean isSha1Hex(String s) {
        return s != null && SHA1.matcher(s).matches();
    }

    public static boolean isSha2Hex(String s) {
        return s != null && SHA2.matcher(s).matches();
    }

    public static boolean isMediaType(String s) {
        return s != null && MEDIA_TYPE.matcher(s).matches();
    }

    /**
     * Parses an xAPI timestamp (1.0.3 Data 4.5, 2.0 4.2.7: ISO 8601 / RFC 3339). A missing offset is read as UTC.
     * The offsets -00, -0000 and -00:00 are rejected (1.0.3 Data 4.5.s1.b2: "A Timestamp MUST NOT use ... -00:00").
     */
    public static Optional<OffsetDateTime> parseTimestamp(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Math.min(second, 59), nanos);
            ZoneOffset offset = ZoneOffset.UTC;
            String zone = m.group(8);
            if (zone != null && !zone.equalsIgnoreCase("Z")) {
                if (zone.startsWith("-") && zone.replaceAll("[^1-9]", "").isEmpty()) {
                    return Optional.empty();
                }
                String digits = zone.substring(1).replace(":", "");
                int hours = Integer.parseInt(digits.substring(0, 2));
                int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
                int sign = zone.startsWith("-") ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            return Optional.of(OffsetDateTime.of(date, time, offset));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The form this LRS writes stored and generated timestamps in: UTC, millisecond precision. */
    public static String formatUtc(OffsetDateTime t) {
        return STORED.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A timestamp normalised to UTC, keeping the precision the client sent (xAPI 2.0 4.2.7 converts to UTC). */
    public static String toUtcIso(OffsetDateTime t) {
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(utc).replace("+00:00", "Z");
    }
}
