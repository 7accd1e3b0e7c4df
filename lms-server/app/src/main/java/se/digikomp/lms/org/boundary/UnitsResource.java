package se.digikomp.lms.org.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.org.Unit;
import se.digikomp.lms.org.control.UnitTree;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/** The unit tree of the caller's organisation: every account reads it, the administrator changes it. */
@Path("api/units")
@RequestScoped
@Tag(name = "units")
@SecurityRequirement(name = "basic")
public class UnitsResource {

    /** A unit as the API shows it; {@code parentId} is null for a top-level unit, {@code depth} 0 there. */
    public record UnitView(long id, String name, Long parentId, String code, int depth) {

        static UnitView of(Unit unit) {
            return new UnitView(unit.id(), unit.name(), unit.parent().map(Unit::id).orElse(null),
                    unit.code().orElse(null), (int) unit.path().chars().filter(c -> c == '/').count() - 2);
        }
    }

    /**
     * A unit to create. A class rather than a record: Payara 6.2025.10's OpenAPI generator fails with a
     * NullPointerException on Bean Validation annotations placed on record components.
     */
    public static class NewUnit {
        @NotBlank
        @Size(max = 200)
        public String name;

        public Long parentId;

        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only")
        public String code;
    }

    /** A new name and code (both replaced; a null code removes it). */
    public static class UnitNames {
        @NotBlank
        @Size(max = 200)
        public String name;

        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only")
        public String code;
    }

    /** Where a unit goes: under {@code parentId}, or to the top when it is null. */
    public static class NewParent {
        public Long parentId;
    }

    @Inject
    UnitTree tree;

    private static long organisation(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).organisationId();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.LEARNER, Role.MANAGER, Role.HR, Role.AUTHOR, Role.ADMIN})
    @Operation(summary = "All units of the signed-in account's organisation, in tree order (parents before children)")
    public List<UnitView> list(@Context SecurityContext security) {
        return tree.all(organisation(security)).stream().map(UnitView::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.LEARNER, Role.MANAGER, Role.HR, Role.AUTHOR, Role.ADMIN})
    @Operation(summary = "One unit of the signed-in account's organisation (404 for any other)")
    public UnitView get(@PathParam("id") long id, @Context SecurityContext security) {
        return UnitView.of(tree.find(organisation(security), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Create a unit in the administrator's organisation (409 when the code is taken)")
    public Response create(@Valid @NotNull NewUnit body, @Context SecurityContext security, @Context UriInfo uri) {
        Unit unit = tree.create(organisation(security), body.name, body.parentId, body.code);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(unit.id())).build())
                .entity(UnitView.of(unit)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Rename a unit and set its code")
    public UnitView rename(@PathParam("id") long id, @Valid @NotNull UnitNames body,
                           @Context SecurityContext security) {
        return UnitView.of(tree.rename(organisation(security), id, body.name, body.code));
    }

    @PUT
    @Path("{id}/parent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Move a unit with everything under it (400 when the new parent is the unit or under it)")
    public UnitView move(@PathParam("id") long id, @NotNull NewParent body, @Context SecurityContext security) {
        return UnitView.of(tree.move(organisation(security), id, body.parentId));
    }
}
