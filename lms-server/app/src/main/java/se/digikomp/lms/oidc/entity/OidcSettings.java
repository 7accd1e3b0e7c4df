package se.digikomp.lms.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How one organisation signs its staff in with its own OpenID Connect provider. The client secret itself is
 * never stored here: only the name of the environment variable or the path of the file that holds it.
 */
@Entity
@Table(name = "organisation_oidc")
public class OidcSettings {

    @Id
    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = 255)
    private String clientId;

    @Column(name = "client_secret_env", length = 100)
    private String clientSecretEnv;

    @Column(name = "client_secret_file", length = 500)
    private String clientSecretFile;

    @Column(name = "claim_name", nullable = false, length = 100)
    private String claimName;

    @Enumerated(EnumType.STRING)
    @Column(name = "person_field", nullable = false, length = 16)
    private PersonField personField;

    /** UTC (EclipseLink 4.0 maps LocalDateTime, not Instant). */
    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected OidcSettings() {
    }

    public OidcSettings(long organisationId) {
        this.organisationId = organisationId;
    }

    /** Replaces every setting with validated values (exactly one of the two secret references is set). */
    public void set(boolean enabled, String displayName, String issuer, String clientId, String clientSecretEnv,
                    String clientSecretFile, String claimName, PersonField personField) {
        this.enabled = enabled;
        this.displayName = displayName;
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecretEnv = clientSecretEnv;
        this.clientSecretFile = clientSecretFile;
        this.claimName = claimName;
        this.personField = personField;
        this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
    }

    public long organisationId() {
        return organisationId;
    }

    public boolean enabled() {
        return enabled;
    }

    public String displayName() {
        return displayName;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public Optional<String> clientSecretEnv() {
        return Optional.ofNullable(clientSecretEnv);
    }

    public Optional<String> clientSecretFile() {
        return Optional.ofNullable(clientSecretFile);
    }

    public String claimName() {
        return claimName;
    }

    public PersonField personField() {
        return personField;
    }

    public Instant updatedAt() {
        return updatedAt.toInstant(ZoneOffset.UTC);
    }
}
