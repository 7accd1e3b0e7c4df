package se.digikomp.lms.org;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.security.Caller;

/** The caller's own organisation; no endpoint shows another one. */
@Path("api/organisations")
@RequestScoped
@Tag(name = "organisations")
@SecurityRequirement(name = "basic")
public class OrganisationsResource {

    public record OrganisationView(long id, String slug, String name) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @GET
    @Path("current")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The organisation the signed-in account belongs to")
    public OrganisationView current(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Organisation organisation = em.find(Organisation.class, caller.organisationId());
        if (organisation == null) {
            throw new NotFoundException("Your organisation no longer exists.");
        }
        return new OrganisationView(organisation.id(), organisation.slug(), organisation.name());
    }
}
