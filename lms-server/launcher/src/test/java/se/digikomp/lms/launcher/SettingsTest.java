package se.digikomp.lms.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Map<String, String> APP_KEYS = Map.of("lms.db.url", "jdbc:mysql://127.0.0.1:3306/lms",
            "lms.db.user", "lms", "lms.db.password", "", "lms.demo.enabled", "true", "lms.xapi.bootstrap-key", "",
            "lms.xapi.bootstrap-secret", "", "lms.xapi.max-page-size", "500");

    private static Settings read(Map<String, String> env, String... args) throws Exception {
        return Settings.read(args, env, new Properties(), APP_KEYS);
    }

    private static StartupFailure failure(Map<String, String> env, String... args) {
        return assertThrows(StartupFailure.class, () -> read(env, args));
    }

    @Test
    void defaultsArePort8080DataDirAndEmbeddedDatabase() throws Exception {
        Settings settings = read(Map.of());
        assertEquals(8080, settings.port());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertTrue(settings.externalDatabase().isEmpty());
        assertEquals("0.0.0.0", settings.bindAddress());
    }

    @Test
    void portIsTakenInBothForms() throws Exception {
        assertEquals(9090, read(Map.of(), "--port", "9090").port());
        assertEquals(9091, read(Map.of(), "--port=9091").port());
    }

    @Test
    void aBadPortNamesTheOptionAndIsAUsageError() {
        for (String bad : new String[] {"abc", "0", "65536", "-1", ""}) {
            StartupFailure failure = failure(Map.of(), "--port", bad);
            assertEquals(StartupFailure.USAGE, failure.exitCode());
            assertTrue(failure.getMessage().startsWith("--port must be a TCP port number"), failure.getMessage());
        }
        assertTrue(failure(Map.of(), "--port").getMessage().contains("--port needs a value"));
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertTrue(failure(Map.of(), "--prot", "80").getMessage().contains("unknown option --prot"));
    }

    @Test
    void helpIsNotAFailure() {
        assertThrows(Settings.HelpRequested.class, () -> read(Map.of(), "--help"));
    }

    @Test
    void anUnknownSettingIsRefusedByName() {
        StartupFailure failure = failure(Map.of("LMS_DB_USRE", "x"));
        assertTrue(failure.getMessage().startsWith("unknown setting LMS_DB_USRE"), failure.getMessage());
        Properties system = new Properties();
        system.setProperty("lms.demo.enabeld", "false");
        StartupFailure property = assertThrows(StartupFailure.class,
                () -> Settings.read(new String[0], Map.of(), system, APP_KEYS));
        assertTrue(property.getMessage().startsWith("unknown setting -Dlms.demo.enabeld"), property.getMessage());
    }

    @Test
    void knownAndTestHarnessSettingsAreAccepted() throws Exception {
        read(Map.of("LMS_DEMO_ENABLED", "false", "LMS_DATA_DIR", "/tmp/x", "LMS_TEST_DB_URL", "jdbc:mysql://h/"));
    }

    @Test
    void anExternalDatabaseNeedsAConnectorJUrlAndAUser() throws Exception {
        var db = read(Map.of("LMS_DB_URL", "jdbc:mysql://db:3306/lms", "LMS_DB_USER", "lms")).externalDatabase();
        assertEquals("jdbc:mysql://db:3306/lms", db.orElseThrow().url());
        assertEquals("", db.orElseThrow().password());
        assertTrue(failure(Map.of("LMS_DB_URL", "postgres://db/lms", "LMS_DB_USER", "x")).getMessage()
                .startsWith("LMS_DB_URL (lms.db.url) must be a MySQL Connector/J URL"));
        assertTrue(failure(Map.of("LMS_DB_URL", "jdbc:mysql://db/lms")).getMessage()
                .startsWith("LMS_DB_USER (lms.db.user) is required"));
        assertTrue(failure(Map.of("LMS_DB_USER", "x")).getMessage().contains("LMS_DB_URL"));
    }

    @Test
    void systemPropertiesOutrankTheEnvironment() throws Exception {
        Properties system = new Properties();
        system.setProperty("lms.data.dir", "/from/property");
        Settings settings = Settings.read(new String[0], Map.of("LMS_DATA_DIR", "/from/env"), system, APP_KEYS);
        assertEquals(Path.of("/from/property"), settings.dataDir());
    }

    @Test
    void theBootstrapCredentialNeedsBothHalves() {
        StartupFailure failure = failure(Map.of("LMS_XAPI_BOOTSTRAP_KEY", "k"));
        assertTrue(failure.getMessage().startsWith("LMS_XAPI_BOOTSTRAP_SECRET (lms.xapi.bootstrap-secret) must be set"),
                failure.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyAndWhatItMustBe() throws Exception {
        assertEquals("LMS_DEMO_ENABLED (lms.demo.enabled) must be true or false, got 'maybe'",
                failure(Map.of("LMS_DEMO_ENABLED", "maybe")).getMessage());
        assertEquals("LMS_XAPI_MAX_PAGE_SIZE (lms.xapi.max-page-size) must be a whole number, got 'many'",
                failure(Map.of("LMS_XAPI_MAX_PAGE_SIZE", "many")).getMessage());
        read(Map.of("LMS_DEMO_ENABLED", "FALSE", "LMS_XAPI_MAX_PAGE_SIZE", "100"));
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("LMS_XAPI_BOOTSTRAP_KEY", Settings.envName("lms.xapi.bootstrap-key"));
        assertEquals("LMS_DATA_DIR", Settings.envName("lms.data.dir"));
    }

    @Test
    void theEmbeddedBufferPoolIsASizeWithADefault() throws Exception {
        assertEquals("512M", read(Map.of()).embeddedBufferPool());
        assertEquals("2G", read(Map.of("LMS_DB_EMBEDDED_BUFFER_POOL", "2g")).embeddedBufferPool());
        for (String bad : new String[] {"lots", "12", "2T", "-1G"}) {
            StartupFailure failure = assertThrows(StartupFailure.class,
                    () -> read(Map.of("LMS_DB_EMBEDDED_BUFFER_POOL", bad)));
            assertEquals(StartupFailure.USAGE, failure.exitCode());
            assertTrue(failure.getMessage().contains("LMS_DB_EMBEDDED_BUFFER_POOL"), failure.getMessage());
        }
    }
}
