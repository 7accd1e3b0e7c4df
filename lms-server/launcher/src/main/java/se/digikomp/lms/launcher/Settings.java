package se.digikomp.lms.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The launcher's view of the configuration: command-line options, then MicroProfile Config keys from system
 * properties ({@code -Dlms.db.url=...}) and the environment ({@code LMS_DB_URL}), in that order of precedence,
 * checked before anything starts so a mistake is told in one line naming the key.
 *
 * <p>The known keys are the ones the web application declares in its {@code microprofile-config.properties}
 * plus the launcher's own ({@link #LAUNCHER_KEYS}). An {@code lms.*} property or {@code LMS_*} variable that is
 * neither is refused, so a typo does not silently fall back to a default.
 */
record Settings(int port, String bindAddress, Path dataDir, Optional<ExternalDatabase> externalDatabase,
        String embeddedBufferPool) {

    static final String PORT_OPTION = "--port";
    static final int DEFAULT_PORT = 8080;

    static final String DB_URL = "lms.db.url";
    static final String DB_USER = "lms.db.user";
    static final String DB_PASSWORD = "lms.db.password";
    static final String DATA_DIR = "lms.data.dir";
    static final String HTTP_ADDRESS = "lms.http.address";
    static final String EMBEDDED_BUFFER_POOL = "lms.db.embedded-buffer-pool";
    /** InnoDB buffer pool of the embedded MariaDB: its default of 128M is small for an LRS of any size. */
    static final String DEFAULT_EMBEDDED_BUFFER_POOL = "512M";
    static final String XAPI_BOOTSTRAP_KEY = "lms.xapi.bootstrap-key";
    static final String XAPI_BOOTSTRAP_SECRET = "lms.xapi.bootstrap-secret";

    /** Keys only the launcher reads (the web application never sees them). */
    static final Set<String> LAUNCHER_KEYS = Set.of(DATA_DIR, HTTP_ADDRESS, EMBEDDED_BUFFER_POOL);

    /** Environment variables of the test harness; they configure tests, not the server. */
    private static final String TEST_ENV_PREFIX = "LMS_TEST_";

    /** A database named by the operator, reached through MySQL Connector/J. */
    record ExternalDatabase(String url, String user, String password) {
    }

    static final String USAGE = """
            Usage: java -jar lms-server.jar [--port N]
              --port N   HTTP port (default 8080)
              --help     show this text
            Settings come from -Dlms.<feature>.<key>=value or the environment (LMS_<FEATURE>_<KEY>);
            see the configuration table in README.md.""";

    /** Thrown for --help: print the usage and exit 0. */
    static final class HelpRequested extends Exception {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    static Settings read(String[] args, Map<String, String> env, Properties system, Map<String, String> appDefaults)
            throws StartupFailure, HelpRequested {
        Lookup lookup = new Lookup(env, system);
        refuseUnknownKeys(env, system, appDefaults.keySet());
        checkTypes(lookup, appDefaults);
        int port = parsePort(args);
        String bindAddress = lookup.get(HTTP_ADDRESS).orElse("0.0.0.0");
        Path dataDir = parseDataDir(lookup);
        Optional<ExternalDatabase> external = parseDatabase(lookup);
        checkBootstrapCredential(lookup);
        return new Settings(port, bindAddress, dataDir, external, parseBufferPool(lookup));
    }

    /** The keys the web application declares with their defaults, from the WAR's microprofile-config.properties. */
    static Map<String, String> applicationDefaults(InputStream war) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(war)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("WEB-INF/classes/META-INF/microprofile-config.properties")) {
                    Properties properties = new Properties();
                    properties.load(zip);
                    Map<String, String> defaults = new TreeMap<>();
                    properties.stringPropertyNames().forEach(key -> defaults.put(key, properties.getProperty(key)));
                    return defaults;
                }
            }
        }
        throw new IOException("the embedded WAR has no WEB-INF/classes/META-INF/microprofile-config.properties");
    }

    /** MicroProfile Config's environment form of a key: non-alphanumerics to '_', upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static void refuseUnknownKeys(Map<String, String> env, Properties system, Set<String> appKeys)
            throws StartupFailure {
        Set<String> known = new TreeSet<>(appKeys);
        known.addAll(LAUNCHER_KEYS);
        Set<String> knownEnv = new TreeSet<>();
        known.forEach(key -> knownEnv.add(envName(key)));
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("lms.") && !known.contains(name)) {
                throw unknown("-D" + name, known);
            }
        }
        for (String name : env.keySet()) {
            if (name.startsWith("LMS_") && !name.startsWith(TEST_ENV_PREFIX) && !knownEnv.contains(name)) {
                throw unknown(name, known);
            }
        }
    }

    /**
     * A value must have the type its default shows: {@code true}/{@code false} for a boolean default, a whole
     * number for a numeric one. (MicroProfile Config would read "yes please" as false without a word.)
     */
    private static void checkTypes(Lookup lookup, Map<String, String> appDefaults) throws StartupFailure {
        for (Map.Entry<String, String> entry : appDefaults.entrySet()) {
            String fallback = entry.getValue().strip();
            Optional<String> value = lookup.get(entry.getKey());
            if (value.isEmpty()) {
                continue;
            }
            String given = value.get().strip();
            if ((fallback.equals("true") || fallback.equals("false"))
                    && !given.equalsIgnoreCase("true") && !given.equalsIgnoreCase("false")) {
                throw usage(lookup.describe(entry.getKey()) + " must be true or false, got '" + given + "'");
            }
            if (fallback.matches("-?\\d+") && !given.matches("-?\\d{1,18}")) {
                throw usage(lookup.describe(entry.getKey()) + " must be a whole number, got '" + given + "'");
            }
        }
    }

    private static StartupFailure unknown(String name, Set<String> known) {
        return new StartupFailure(StartupFailure.USAGE,
                "unknown setting " + name + " (known settings: " + String.join(", ", known) + ")");
    }

    private static int parsePort(String[] args) throws StartupFailure, HelpRequested {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            } else if (arg.equals(PORT_OPTION)) {
                if (i + 1 >= args.length) {
                    throw usage("--port needs a value, e.g. --port 8080");
                }
                value = args[++i];
            } else if (arg.startsWith(PORT_OPTION + "=")) {
                value = arg.substring(PORT_OPTION.length() + 1);
            } else {
                throw usage("unknown option " + arg + " (try --help)");
            }
            port = portNumber(value);
        }
        return port;
    }

    private static int portNumber(String value) throws StartupFailure {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw usage("--port must be a TCP port number from 1 to 65535, got '" + value + "'");
    }

    /** A size as MariaDB reads it: a whole number of bytes, or of K, M or G; at least 32M, at most 1T. */
    private static String parseBufferPool(Lookup lookup) throws StartupFailure {
        String value = lookup.get(EMBEDDED_BUFFER_POOL).orElse(DEFAULT_EMBEDDED_BUFFER_POOL).strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,13})([KkMmGg]?)").matcher(value);
        if (!m.matches()) {
            throw usage(lookup.describe(EMBEDDED_BUFFER_POOL) + " must be a size such as 512M or 2G, got '" + value + "'");
        }
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            default -> 1L;
        };
        long bytes = Long.parseLong(m.group(1)) * unit;
        if (bytes < 32L << 20 || bytes > 1L << 40) {
            throw usage(lookup.describe(EMBEDDED_BUFFER_POOL) + " must be between 32M and 1024G, got '" + value + "'");
        }
        return m.group(1) + m.group(2).toUpperCase(Locale.ROOT);
    }

    private static Path parseDataDir(Lookup lookup) throws StartupFailure {
        String value = lookup.get(DATA_DIR).orElse("data");
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw usage(lookup.describe(DATA_DIR) + " is not a valid path: " + e.getReason());
        }
    }

    private static Optional<ExternalDatabase> parseDatabase(Lookup lookup) throws StartupFailure {
        Optional<String> url = lookup.get(DB_URL);
        if (url.isEmpty()) {
            for (String key : new String[] {DB_USER, DB_PASSWORD}) {
                if (lookup.get(key).isPresent()) {
                    throw usage(lookup.describe(key) + " is set but " + lookup.describe(DB_URL)
                            + " is not; set both, or neither to use the embedded database");
                }
            }
            return Optional.empty();
        }
        if (!url.get().startsWith("jdbc:mysql://")) {
            throw usage(lookup.describe(DB_URL) + " must be a MySQL Connector/J URL such as "
                    + "jdbc:mysql://db.example:3306/lms, got '" + DatabaseCheck.withoutSecrets(url.get()) + "'");
        }
        String user = lookup.get(DB_USER).orElseThrow(() -> usage(lookup.describe(DB_USER)
                + " is required when " + lookup.describe(DB_URL) + " is set"));
        return Optional.of(new ExternalDatabase(url.get(), user, lookup.get(DB_PASSWORD).orElse("")));
    }

    private static void checkBootstrapCredential(Lookup lookup) throws StartupFailure {
        boolean key = lookup.get(XAPI_BOOTSTRAP_KEY).isPresent();
        boolean secret = lookup.get(XAPI_BOOTSTRAP_SECRET).isPresent();
        if (key != secret) {
            String missing = key ? XAPI_BOOTSTRAP_SECRET : XAPI_BOOTSTRAP_KEY;
            String present = key ? XAPI_BOOTSTRAP_KEY : XAPI_BOOTSTRAP_SECRET;
            throw usage(lookup.describe(missing) + " must be set together with " + lookup.describe(present));
        }
    }

    private static StartupFailure usage(String message) {
        return new StartupFailure(StartupFailure.USAGE, message);
    }

    /** System property first, then environment; blank counts as unset, as in MicroProfile Config. */
    private record Lookup(Map<String, String> env, Properties system) {

        Optional<String> get(String key) {
            String value = system.getProperty(key);
            if (value == null || value.isBlank()) {
                value = env.get(envName(key));
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        String describe(String key) {
            return envName(key) + " (" + key + ")";
        }
    }
}
