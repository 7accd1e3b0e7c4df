package se.digikomp.lms.org.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.org.control.PeopleDirectory;
import se.digikomp.lms.org.control.PeopleEditor;
import se.digikomp.lms.org.control.PersonInput;
import se.digikomp.lms.org.control.PersonView;
import se.digikomp.lms.org.control.RoleGrants;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/**
 * People of the caller's organisation. Administrators and HR read everyone of it, a manager the people of the
 * units they manage and everything under them; only the administrator changes people, roles and managed units.
 * Another organisation's person (or one outside a manager's units) is 404.
 */
@Path("api/people")
@RequestScoped
@Tag(name = "people")
@SecurityRequirement(name = "basic")
public class PeopleResource {

    /** A person as an administrator enters them (a class: Payara's OpenAPI fails on record constraints). */
    public static class PersonBody {
        @Size(min = 1, max = 64)
        public String employeeNumber;

        @NotBlank
        @Size(max = 100)
        public String givenName;

        @NotBlank
        @Size(max = 100)
        public String familyName;

        @Email
        @Size(max = 254)
        public String email;

        public Long unitId;

        @Size(max = 200)
        public String positionTitle;

        public Long managerId;

        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "a date as YYYY-MM-DD")
        public String employmentStart;

        /** Absent means true; false deactivates the person and their account. */
        public Boolean active;

        PersonInput input() {
            LocalDate start = null;
            if (employmentStart != null) {
                try {
                    start = LocalDate.parse(employmentStart);
                } catch (DateTimeParseException e) {
                    throw new BadRequestException("employmentStart " + employmentStart + " is not a date.");
                }
            }
            return new PersonInput(employeeNumber, givenName, familyName, email, unitId, positionTitle, managerId,
                    start, active == null || active);
        }
    }

    @Inject
    PeopleDirectory directory;

    @Inject
    PeopleEditor editor;

    @Inject
    RoleGrants grants;

    @Context
    HttpServletRequest http;

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.ADMIN, Role.HR, Role.MANAGER})
    @Operation(summary = "Search, sort and page the people the caller may read", description = "q: prefix of family"
            + " name, given name, e-mail or employee number; sort: name (default) or employeeNumber; order: asc or"
            + " desc; active: true/false; unitId: that unit and everything under it; limit 1-200 (default 50);"
            + " cursor: the previous page's next. Keyset paging: no total count.")
    public PeopleDirectory.Page list(@QueryParam("q") String q,
                                     @QueryParam("sort") @DefaultValue("name") String sort,
                                     @QueryParam("order") @DefaultValue("asc") String order,
                                     @QueryParam("active") Boolean active, @QueryParam("unitId") Long unitId,
                                     @QueryParam("limit") @DefaultValue("50") int limit,
                                     @QueryParam("cursor") String cursor,
                                     @Context SecurityContext security) {
        // checked here, not with Bean Validation: Payara 6.2025.10's OpenAPI generator fails on constraints on
        // query parameters
        if (!sort.equals("name") && !sort.equals("employeeNumber")) {
            throw new BadRequestException("sort is name or employeeNumber.");
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new BadRequestException("order is asc or desc.");
        }
        if (limit < 1 || limit > 200) {
            throw new BadRequestException("limit is 1 to 200.");
        }
        if ((q != null && q.length() > 100) || (cursor != null && cursor.length() > 1000)) {
            throw new BadRequestException("q has at most 100 characters, cursor at most 1000.");
        }
        return directory.list(caller(security), new PeopleDirectory.Query(q, sort.equals("name")
                ? PeopleDirectory.Sort.NAME : PeopleDirectory.Sort.EMPLOYEE_NUMBER, order.equals("desc"), active,
                unitId, limit, cursor));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.ADMIN, Role.HR, Role.MANAGER})
    @Operation(summary = "One person the caller may read (404 otherwise)")
    public PersonView get(@PathParam("id") long id, @Context SecurityContext security) {
        return directory.find(caller(security), id)
                .orElseThrow(() -> new NotFoundException("No person " + id + " that you may see."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Create a person with an account (LEARNER) and a one-time set-password link")
    public Response create(@Valid @NotNull PersonBody body, @Context SecurityContext security, @Context UriInfo uri) {
        PeopleEditor.Created created = editor.create(caller(security).organisationId(), body.input());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.personId())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Replace a person's fields; active=false deactivates them and their account")
    public PersonView edit(@PathParam("id") long id, @Valid @NotNull PersonBody body,
                           @Context SecurityContext security) {
        editor.edit(caller(security).organisationId(), id, body.input());
        return get(id, security);
    }

    @GET
    @Path("{id}/roles")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "A person's account, roles and managed units")
    public RoleGrants.Grants roles(@PathParam("id") long id, @Context SecurityContext security) {
        return grants.of(caller(security).organisationId(), id);
    }

    @PUT
    @Path("{id}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Grant a role (audited; PLATFORM_ADMIN only by a platform administrator)")
    public RoleGrants.Grants grant(@PathParam("id") long id, @PathParam("role") String role,
                                   @Context SecurityContext security) {
        return grants.grant(caller(security), id, role(role), http.getRemoteAddr());
    }

    @DELETE
    @Path("{id}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Revoke a role (audited; LEARNER and the last administrator's ADMIN stay)")
    public RoleGrants.Grants revoke(@PathParam("id") long id, @PathParam("role") String role,
                                    @Context SecurityContext security) {
        return grants.revoke(caller(security), id, role(role), http.getRemoteAddr());
    }

    @PUT
    @Path("{id}/managed-units/{unitId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "The person manages this unit and everything under it (audited)")
    public RoleGrants.Grants manage(@PathParam("id") long id, @PathParam("unitId") long unitId,
                                    @Context SecurityContext security) {
        return grants.managedUnit(caller(security), id, unitId, true, http.getRemoteAddr());
    }

    @DELETE
    @Path("{id}/managed-units/{unitId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "The person no longer manages this unit (audited)")
    public RoleGrants.Grants unmanage(@PathParam("id") long id, @PathParam("unitId") long unitId,
                                      @Context SecurityContext security) {
        return grants.managedUnit(caller(security), id, unitId, false, http.getRemoteAddr());
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown role " + name + "; one of LEARNER, MANAGER, HR, AUTHOR, ADMIN,"
                    + " PLATFORM_ADMIN.");
        }
    }
}
