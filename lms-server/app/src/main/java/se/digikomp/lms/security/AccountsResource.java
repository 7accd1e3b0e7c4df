package se.digikomp.lms.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in account. */
@Path("api/accounts")
@RequestScoped
@Tag(name = "accounts")
@SecurityRequirement(name = "basic")
public class AccountsResource {

    /** Who the caller is: enough for a client to decide what to show. */
    public record Me(long accountId, String username, long organisationId, Long unitId, List<Role> roles) {
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in account, its organisation, unit and roles")
    public Me me(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return new Me(caller.accountId(), caller.username(), caller.organisationId(), caller.unitId(),
                caller.roles().stream().sorted().toList());
    }
}
