package se.digikomp.lms.oidc.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import se.digikomp.lms.oidc.entity.PersonField;

/**
 * Checks an administrator's OIDC settings before anything is stored: every problem, each as
 * {@code field: reason}. The issuer is an {@code https} URL (OpenID Connect Discovery 1.0, section 2); plain
 * {@code http} only on a loopback address, for a provider on the same machine.
 */
public final class SettingsValidator {

    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final SecretLocations secrets;

    public SettingsValidator(SecretLocations secrets) {
        this.secrets = secrets;
    }

    /** Every problem of {@code input} for the organisation with {@code slug}; empty when it may be stored. */
    public List<String> problems(SettingsInput input, String slug) {
        List<String> problems = new ArrayList<>();
        if (input == null) {
            return List.of("body: send the settings as a JSON object");
        }
        if (input.enabled() == null) {
            problems.add("enabled: required, true or false");
        }
        text(input.displayName(), 100).ifPresent(p -> problems.add("displayName: " + p));
        issuerProblem(input.issuer()).ifPresent(p -> problems.add("issuer: " + p));
        if (input.clientId() == null || !CLIENT_ID.matcher(input.clientId()).matches()) {
            problems.add("clientId: required, 1 to 255 printable characters without spaces");
        }
        boolean env = input.clientSecretEnv() != null;
        boolean file = input.clientSecretFile() != null;
        if (env == file) {
            problems.add("clientSecretEnv: give exactly one of clientSecretEnv (the name of an environment variable)"
                    + " and clientSecretFile (the path of a file) for where the server reads the client secret");
        } else if (env) {
            secrets.refuseEnvironmentVariable(input.clientSecretEnv(), slug)
                    .ifPresent(p -> problems.add("clientSecretEnv: " + p));
        } else {
            secrets.refuseFile(input.clientSecretFile(), slug).ifPresent(p -> problems.add("clientSecretFile: " + p));
        }
        if (input.claim() == null || !CLAIM.matcher(input.claim()).matches()) {
            problems.add("claim: required, the name of an ID token claim such as email (letters, digits, _ . : -)");
        }
        if (personField(input.matchOn()).isEmpty()) {
            problems.add("matchOn: required, email or employee_number");
        }
        return problems;
    }

    /** {@code email} or {@code employee_number} (any case), if it is one of them. */
    public static Optional<PersonField> personField(String matchOn) {
        if (matchOn == null) {
            return Optional.empty();
        }
        return switch (matchOn.toLowerCase(Locale.ROOT)) {
            case "email" -> Optional.of(PersonField.EMAIL);
            case "employee_number" -> Optional.of(PersonField.EMPLOYEE_NUMBER);
            default -> Optional.empty();
        };
    }

    /** The wire name of a person field, as {@link #personField} reads it. */
    public static String wireName(PersonField field) {
        return field.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> text(String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of("required");
        }
        if (value.length() > max) {
            return Optional.of("at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    static Optional<String> issuerProblem(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.of("required, the identity provider's issuer URL");
        }
        if (issuer.length() > 500) {
            return Optional.of("at most 500 characters");
        }
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.of("must have no query, fragment or user name (OpenID Connect Discovery 1.0, 2)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of("must use https (plain http only for a provider on this machine's loopback address)");
    }
}
