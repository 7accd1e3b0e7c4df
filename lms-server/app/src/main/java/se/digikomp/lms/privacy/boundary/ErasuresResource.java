package se.digikomp.lms.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.privacy.control.Erasures;
import se.digikomp.lms.privacy.entity.Erasure;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/** Erasure records of the caller's organisation (the decision and what was done under it). */
@Path("api/erasures")
@RequestScoped
@Tag(name = "personal data")
@SecurityRequirement(name = "basic")
public class ErasuresResource {

    @Inject
    Erasures erasures;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "One erasure of the organisation: the decision, when it was completed and the counts")
    public Erasure get(@PathParam("id") long id, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return erasures.find(caller.organisationId(), id)
                .orElseThrow(() -> new NotFoundException("No erasure " + id + " in your organisation."));
    }
}
