package se.digikomp.lms.oidc.control;

/**
 * An organisation's OIDC settings as an administrator sends them ({@code PUT /api/organisations/current/oidc}).
 * {@code matchOn} is {@code email} or {@code employee_number}; exactly one of {@code clientSecretEnv} and
 * {@code clientSecretFile} names where the server reads the client secret.
 */
public record SettingsInput(Boolean enabled, String displayName, String issuer, String clientId,
                            String clientSecretEnv, String clientSecretFile, String claim, String matchOn) {
}
