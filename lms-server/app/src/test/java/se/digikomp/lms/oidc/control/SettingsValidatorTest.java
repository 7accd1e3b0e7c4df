package se.digikomp.lms.oidc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsValidatorTest {

    @TempDir
    Path secretsDir;

    private SettingsValidator validator() {
        return new SettingsValidator(new SecretLocations(Map.<String, String>of()::get, Optional.of(secretsDir)));
    }

    private static SettingsInput valid() {
        return new SettingsInput(true, "Demokommunens inloggning", "https://idp.demokommunen.example/realms/staff",
                "digikomp", "OIDC_SECRET_DEMO", null, "email", "email");
    }

    private static SettingsInput with(String issuer, String env, String file, String claim, String matchOn) {
        return new SettingsInput(true, "IdP", issuer, "digikomp", env, file, claim, matchOn);
    }

    private List<String> problems(SettingsInput input) {
        return validator().problems(input, "demo");
    }

    @Test
    void acceptsCompleteSettings() {
        assertEquals(List.of(), problems(valid()));
        assertEquals(List.of(), problems(with("http://127.0.0.1:8131/realms/digikomp", "OIDC_SECRET_DEMO", null,
                "employee_number", "EMPLOYEE_NUMBER")));
    }

    @Test
    void namesEveryMissingField() {
        List<String> problems = problems(new SettingsInput(null, null, null, null, null, null, null, null));
        for (String field : List.of("enabled", "displayName", "issuer", "clientId", "clientSecretEnv", "claim",
                "matchOn")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(field + ": ")), field + " in " + problems);
        }
        assertEquals(List.of("body: send the settings as a JSON object"), validator().problems(null, "demo"));
    }

    @Test
    void theIssuerIsHttpsOrALoopbackProvider() {
        assertTrue(problems(with("http://idp.example/realms/x", "OIDC_SECRET_DEMO", null, "email", "email"))
                .get(0).startsWith("issuer: must use https"));
        assertTrue(problems(with("https://idp.example/x?tenant=1", "OIDC_SECRET_DEMO", null, "email", "email"))
                .get(0).startsWith("issuer: must have no query"));
        assertTrue(problems(with("idp.example", "OIDC_SECRET_DEMO", null, "email", "email"))
                .get(0).startsWith("issuer: must be an absolute URL"));
        assertTrue(problems(with("https://idp example", "OIDC_SECRET_DEMO", null, "email", "email"))
                .get(0).startsWith("issuer: is not a URL"));
    }

    @Test
    void exactlyOneSecretPlace() {
        assertTrue(problems(with("https://idp.example", null, null, "email", "email")).get(0)
                .startsWith("clientSecretEnv: give exactly one"));
        assertTrue(problems(with("https://idp.example", "OIDC_SECRET_DEMO",
                secretsDir.resolve("demo/secret").toString(), "email", "email")).get(0)
                .startsWith("clientSecretEnv: give exactly one"));
    }

    @Test
    void anOrganisationReadsOnlyItsOwnEnvironmentVariable() {
        assertEquals(List.of("clientSecretEnv: must be OIDC_SECRET_DEMO (the one environment variable for your"
                + " organisation)"), problems(with("https://idp.example", "LMS_DB_PASSWORD", null, "email", "email")));
        assertEquals("OIDC_SECRET_EXEMPELREGIONEN_2", SecretLocations.environmentVariableFor("exempelregionen-2"));
    }

    @Test
    void anOrganisationReadsOnlyFilesInItsOwnFolder() {
        String own = secretsDir.resolve("demo/keycloak.secret").toString();
        assertEquals(List.of(), problems(with("https://idp.example", null, own, "email", "email")));
        for (String file : List.of(secretsDir.resolve("other/keycloak.secret").toString(),
                secretsDir.resolve("demo/../other/x").toString(), "/etc/passwd", "demo/keycloak.secret",
                secretsDir.resolve("demo").toString())) {
            List<String> problems = problems(with("https://idp.example", null, file, "email", "email"));
            assertEquals(1, problems.size(), file + ": " + problems);
            assertTrue(problems.get(0).startsWith("clientSecretFile: must be an absolute path of a file in "),
                    problems.get(0));
        }
    }

    @Test
    void filesAreRefusedWhenTheServerHasNoSecretsFolder() {
        SettingsValidator noFiles = new SettingsValidator(new SecretLocations(name -> null, Optional.empty()));
        List<String> problems = noFiles.problems(with("https://idp.example", null, "/run/secrets/demo/x", "email",
                "email"), "demo");
        assertTrue(problems.get(0).startsWith("clientSecretFile: secrets from files are off"), problems.toString());
    }

    @Test
    void theClaimIsANameAndMatchOnIsEmailOrEmployeeNumber() {
        assertTrue(problems(with("https://idp.example", "OIDC_SECRET_DEMO", null, "e mail", "email")).get(0)
                .startsWith("claim: "));
        assertEquals(List.of("matchOn: required, email or employee_number"),
                problems(with("https://idp.example", "OIDC_SECRET_DEMO", null, "email", "username")));
    }

    @Test
    void readsTheSecretFromItsPlace() throws Exception {
        SecretLocations secrets = new SecretLocations(Map.of("OIDC_SECRET_DEMO", " s3cret\n")::get,
                Optional.of(secretsDir));
        assertEquals("s3cret", secrets.fromEnvironment("OIDC_SECRET_DEMO"));
        SecretLocations.SecretUnavailable unset = assertThrows(SecretLocations.SecretUnavailable.class,
                () -> secrets.fromEnvironment("OIDC_SECRET_OTHER"));
        assertEquals("the environment variable OIDC_SECRET_OTHER is not set on the server", unset.getMessage());

        Path file = Files.createDirectories(secretsDir.resolve("demo")).resolve("idp.secret");
        Files.writeString(file, "from-a-file\n");
        assertEquals("from-a-file", secrets.fromFile(file.toString(), "demo"));

        Path outside = Files.writeString(secretsDir.resolve("outside.txt"), "not yours");
        Path link = Files.createSymbolicLink(secretsDir.resolve("demo/link.secret"), outside);
        SecretLocations.SecretUnavailable escaped = assertThrows(SecretLocations.SecretUnavailable.class,
                () -> secrets.fromFile(link.toString(), "demo"));
        assertTrue(escaped.getMessage().contains("leads outside"), escaped.getMessage());
        assertThrows(SecretLocations.SecretUnavailable.class,
                () -> secrets.fromFile(secretsDir.resolve("demo/missing").toString(), "demo"));
    }
}
