package se.digikomp.lms.org.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a people CSV from an HR system, each with its English and Swedish header name (see
 * docs/organisations.md). Headers match case-insensitively, with spaces and hyphens read as underscores, so
 * {@code Employee number} and {@code E-post} match too. Other columns are ignored.
 */
public enum ImportColumn {
    EMPLOYEE_NUMBER("employee_number", "anställningsnummer", true),
    GIVEN_NAME("given_name", "förnamn", true),
    FAMILY_NAME("family_name", "efternamn", true),
    EMAIL("email", "e-post", false),
    UNIT_CODE("unit_code", "enhetskod", false),
    POSITION("position", "befattning", false),
    MANAGER_EMPLOYEE_NUMBER("manager_employee_number", "chefens_anställningsnummer", false),
    EMPLOYMENT_START("employment_start", "anställd_från", false);

    private final String english;
    private final String swedish;
    private final boolean required;

    ImportColumn(String english, String swedish, boolean required) {
        this.english = english;
        this.swedish = swedish;
        this.required = required;
    }

    public String english() {
        return english;
    }

    public String swedish() {
        return swedish;
    }

    public boolean required() {
        return required;
    }

    /** The column a header names, if it is one of ours. */
    public static Optional<ImportColumn> forHeader(String header) {
        String key = normalise(header);
        for (ImportColumn column : values()) {
            if (normalise(column.english).equals(key) || normalise(column.swedish).equals(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String header) {
        return Normalizer.normalize(header.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace(' ', '_').replace('-', '_');
    }
}
