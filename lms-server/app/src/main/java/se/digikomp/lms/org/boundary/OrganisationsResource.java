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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.org.control.Organisations;
import se.digikomp.lms.org.control.PeopleEditor;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/**
 * Organisations: every account reads its own ({@code current}); the platform administrator lists, creates and
 * renames all of them.
 */
@Path("api/organisations")
@RequestScoped
@Tag(name = "organisations")
@SecurityRequirement(name = "basic")
public class OrganisationsResource {

    public record OrganisationView(long id, String slug, String name) {

        static OrganisationView of(Organisation organisation) {
            return new OrganisationView(organisation.id(), organisation.slug(), organisation.name());
        }
    }

    /** A created organisation and, when one was asked for, its first administrator's set-password link. */
    public record CreatedView(long id, String slug, String name, PeopleEditor.Created administrator) {
    }

    /** A new organisation (a class: Payara's OpenAPI fails on constraints on record components). */
    public static class NewOrganisation {
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and '-' only")
        public String slug;

        @NotBlank
        @Size(max = 200)
        public String name;

        @Valid
        public FirstAdministrator administrator;
    }

    /** The new organisation's first administrator (gets ADMIN and a set-password link). */
    public static class FirstAdministrator {
        @NotBlank
        @Size(max = 100)
        public String givenName;

        @NotBlank
        @Size(max = 100)
        public String familyName;

        @Email
        @Size(max = 254)
        public String email;
    }

    /** A new name. */
    public static class OrganisationName {
        @NotBlank
        @Size(max = 200)
        public String name;
    }

    @Inject
    Organisations organisations;

    @Context
    HttpServletRequest http;

    @GET
    @Path("current")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.LEARNER, Role.MANAGER, Role.HR, Role.AUTHOR, Role.ADMIN, Role.PLATFORM_ADMIN})
    @Operation(summary = "The organisation the signed-in account belongs to")
    public OrganisationView current(@Context SecurityContext security) {
        return OrganisationView.of(organisations.find(((Caller) security.getUserPrincipal()).organisationId()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.PLATFORM_ADMIN)
    @Operation(summary = "Every organisation of the installation (platform administrator)")
    public List<OrganisationView> list() {
        return organisations.all().stream().map(OrganisationView::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.PLATFORM_ADMIN)
    @Operation(summary = "One organisation (platform administrator)")
    public OrganisationView get(@PathParam("id") long id) {
        return OrganisationView.of(organisations.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.PLATFORM_ADMIN)
    @Operation(summary = "Create an organisation, optionally with its first administrator (platform administrator;"
            + " 409 when the slug is taken)")
    public Response create(@Valid @NotNull NewOrganisation body, @Context SecurityContext security,
                           @Context UriInfo uri) {
        FirstAdministrator first = body.administrator;
        Organisations.Created created = organisations.create((Caller) security.getUserPrincipal(), body.slug,
                body.name, first == null ? null : new Organisations.FirstAdministrator(first.givenName,
                        first.familyName, first.email), http.getRemoteAddr());
        Organisation organisation = created.organisation();
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(organisation.id())).build())
                .entity(new CreatedView(organisation.id(), organisation.slug(), organisation.name(),
                        created.administrator())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.PLATFORM_ADMIN)
    @Operation(summary = "Rename an organisation (platform administrator)")
    public OrganisationView rename(@PathParam("id") long id, @Valid @NotNull OrganisationName body) {
        return OrganisationView.of(organisations.rename(id, body.name));
    }
}
