package se.digikomp.lms.oidc.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an organisation's OIDC client secret may come from, and reading it. An organisation administrator
 * names the place but never sees the secret, so the places are fenced per organisation: the environment
 * variable must be {@code OIDC_SECRET_<SLUG>} (the slug in capitals, other characters as {@code _}), and a file
 * must lie in {@code <lms.oidc.secrets-dir>/<slug>/}. Otherwise one organisation's administrator could have
 * another's secret (or the database password) sent to an identity provider of their choosing.
 */
public final class SecretLocations {

    static final String ENV_PREFIX = "OIDC_SECRET_";
    private static final long MAX_FILE_BYTES = 4096;

    private final Function<String, String> environment;
    private final Optional<Path> secretsDir;

    /** @param environment looks up an environment variable ({@code System::getenv} in the server) */
    public SecretLocations(Function<String, String> environment, Optional<Path> secretsDir) {
        this.environment = environment;
        this.secretsDir = secretsDir.map(p -> p.toAbsolutePath().normalize());
    }

    /** Raised when a secret cannot be read; the message says why, without the secret. */
    public static final class SecretUnavailable extends Exception {
        public SecretUnavailable(String message) {
            super(message);
        }
    }

    /** The only environment variable an organisation may take its secret from. */
    public static String environmentVariableFor(String organisationSlug) {
        return ENV_PREFIX + organisationSlug.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Why {@code name} is not allowed for the organisation, or empty when it is. */
    public Optional<String> refuseEnvironmentVariable(String name, String organisationSlug) {
        String expected = environmentVariableFor(organisationSlug);
        return name.equals(expected) ? Optional.empty()
                : Optional.of("must be " + expected + " (the one environment variable for your organisation)");
    }

    /** Why {@code file} is not allowed for the organisation, or empty when it is. */
    public Optional<String> refuseFile(String file, String organisationSlug) {
        if (secretsDir.isEmpty()) {
            return Optional.of("secrets from files are off on this server (lms.oidc.secrets-dir is not set);"
                    + " use clientSecretEnv");
        }
        Path dir = secretsDir.get().resolve(organisationSlug);
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return Optional.of("is not a file path");
        }
        if (!path.isAbsolute() || !path.normalize().equals(path) || !path.startsWith(dir) || path.equals(dir)) {
            return Optional.of("must be an absolute path of a file in " + dir);
        }
        return Optional.empty();
    }

    /** The secret of the environment variable. */
    public String fromEnvironment(String name) throws SecretUnavailable {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new SecretUnavailable("the environment variable " + name + " is not set on the server");
        }
        return value.strip();
    }

    /** The secret in the file (surrounding white space, such as a final line break, removed). */
    public String fromFile(String file, String organisationSlug) throws SecretUnavailable {
        Optional<String> refused = refuseFile(file, organisationSlug);
        if (refused.isPresent()) {
            throw new SecretUnavailable("clientSecretFile " + refused.get());
        }
        Path path = Path.of(file);
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(secretsDir.get().toRealPath().resolve(organisationSlug))) {
                throw new SecretUnavailable("the secret file " + file + " leads outside "
                        + secretsDir.get().resolve(organisationSlug));
            }
            if (!Files.isRegularFile(real) || Files.size(real) > MAX_FILE_BYTES) {
                throw new SecretUnavailable("the secret file " + file + " is not a file of at most "
                        + MAX_FILE_BYTES + " bytes");
            }
            String value = Files.readString(real, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new SecretUnavailable("the secret file " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new SecretUnavailable("the secret file " + file + " cannot be read on the server");
        }
    }
}
