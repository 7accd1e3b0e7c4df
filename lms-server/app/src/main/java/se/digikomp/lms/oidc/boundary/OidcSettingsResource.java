package se.digikomp.lms.oidc.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.oidc.control.OidcSignIns;
import se.digikomp.lms.oidc.control.Refusal;
import se.digikomp.lms.oidc.control.SecretLocations;
import se.digikomp.lms.oidc.control.SettingsInput;
import se.digikomp.lms.oidc.control.SettingsValidator;
import se.digikomp.lms.oidc.entity.OidcSettings;
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/**
 * The OpenID Connect sign-in of the administrator's own organisation. The client secret is never part of it:
 * only where the server reads it ({@code clientSecretEnv} or {@code clientSecretFile}).
 */
@Path("api/organisations/current/oidc")
@RequestScoped
@Tag(name = "organisations")
@SecurityRequirement(name = "basic")
@RequiresRole(Role.ADMIN)
public class OidcSettingsResource {

    /**
     * The settings as stored, plus what the administrator registers at the provider: {@code redirectUri}, and
     * {@code clientSecretEnvName}, the one environment variable name this organisation may use.
     */
    public record SettingsView(boolean enabled, String displayName, String issuer, String clientId,
                               String clientSecretEnv, String clientSecretFile, String claim, String matchOn,
                               Instant updatedAt, String redirectUri, String clientSecretEnvName) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    OidcSignIns signIns;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenID Connect sign-in of the administrator's organisation (enabled false and no"
            + " provider when none is set)")
    public SettingsView get(@Context SecurityContext security, @Context UriInfo uri) {
        Organisation organisation = organisation(security);
        OidcSettings settings = em.find(OidcSettings.class, organisation.id());
        if (settings == null) {
            return new SettingsView(false, null, null, null, null, null, null, null, null, redirectUri(uri),
                    SecretLocations.environmentVariableFor(organisation.slug()));
        }
        return view(settings, organisation, uri);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set the OpenID Connect sign-in of the administrator's organisation. When enabled, the"
            + " issuer's discovery document and the client secret are checked before anything is stored")
    public SettingsView put(SettingsInput body, @Context SecurityContext security, @Context UriInfo uri) {
        Organisation organisation = organisation(security);
        List<String> problems = new SettingsValidator(signIns.secrets()).problems(body, organisation.slug());
        if (!problems.isEmpty()) {
            throw new BadRequestException("The OpenID Connect settings are not valid: " + String.join("; ", problems));
        }
        OidcSettings settings = em.find(OidcSettings.class, organisation.id());
        boolean created = settings == null;
        if (created) {
            settings = new OidcSettings(organisation.id());
        }
        settings.set(body.enabled(), body.displayName().strip(), body.issuer(), body.clientId(),
                body.clientSecretEnv(), body.clientSecretFile(), body.claim(),
                SettingsValidator.personField(body.matchOn()).orElseThrow());
        if (settings.enabled()) {
            try {
                signIns.clientSecret(settings, organisation.slug());
                signIns.protocol().provider(settings.issuer(), settings.clientId());
            } catch (Refusal.Refused e) {
                throw new BadRequestException("The OpenID Connect settings cannot be enabled: " + e.getMessage());
            }
        }
        if (created) {
            em.persist(settings);
        }
        return view(settings, organisation, uri);
    }

    @DELETE
    @Transactional
    @Operation(summary = "Remove the OpenID Connect sign-in of the administrator's organisation (204 also when"
            + " there was none)")
    public Response delete(@Context SecurityContext security) {
        OidcSettings settings = em.find(OidcSettings.class, organisation(security).id());
        if (settings != null) {
            em.remove(settings);
        }
        return Response.noContent().build();
    }

    private Organisation organisation(SecurityContext security) {
        Organisation organisation = em.find(Organisation.class,
                ((Caller) security.getUserPrincipal()).organisationId());
        if (organisation == null) {
            throw new NotFoundException("Your organisation no longer exists.");
        }
        return organisation;
    }

    private static SettingsView view(OidcSettings settings, Organisation organisation, UriInfo uri) {
        return new SettingsView(settings.enabled(), settings.displayName(), settings.issuer(), settings.clientId(),
                settings.clientSecretEnv().orElse(null), settings.clientSecretFile().orElse(null),
                settings.claimName(), SettingsValidator.wireName(settings.personField()), settings.updatedAt(),
                redirectUri(uri), SecretLocations.environmentVariableFor(organisation.slug()));
    }

    private static String redirectUri(UriInfo uri) {
        return uri.getBaseUri().resolve("login/oidc/callback").toString();
    }
}
