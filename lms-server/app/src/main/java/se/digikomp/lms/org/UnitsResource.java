package se.digikomp.lms.org;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/** The unit tree of the caller's organisation. */
@Path("api/units")
@RequestScoped
@Tag(name = "units")
@SecurityRequirement(name = "basic")
public class UnitsResource {

    /** A unit as the API shows it; {@code parentId} is null for a top-level unit. */
    public record UnitView(long id, String name, Long parentId, String code) {

        static UnitView of(Unit unit) {
            return new UnitView(unit.id(), unit.name(), unit.parent().map(Unit::id).orElse(null),
                    unit.code().orElse(null));
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

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "All units of the signed-in account's organisation, parents before children")
    public List<UnitView> list(@Context SecurityContext security) {
        long organisationId = ((Caller) security.getUserPrincipal()).organisationId();
        return em.createQuery("select u from Unit u left join fetch u.parent"
                        + " where u.organisation.id = :organisation order by u.id", Unit.class)
                .setParameter("organisation", organisationId)
                .getResultList().stream().map(UnitView::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One unit of the signed-in account's organisation")
    public UnitView get(@PathParam("id") long id, @Context SecurityContext security) {
        long organisationId = ((Caller) security.getUserPrincipal()).organisationId();
        Unit unit = em.find(Unit.class, id);
        if (unit == null || unit.organisation().id() != organisationId) {
            throw new NotFoundException("No unit " + id + " in your organisation.");
        }
        return UnitView.of(unit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Transactional
    @Operation(summary = "Create a unit in the signed-in administrator's organisation")
    public Response create(@Valid @NotNull NewUnit body, @Context SecurityContext security, @Context UriInfo uri) {
        long organisationId = ((Caller) security.getUserPrincipal()).organisationId();
        Unit parent = null;
        if (body.parentId != null) {
            parent = em.find(Unit.class, body.parentId);
            if (parent == null || parent.organisation().id() != organisationId) {
                throw new BadRequestException("parentId " + body.parentId + " is not a unit of your organisation.");
            }
        }
        if (body.code != null && !em.createQuery("select u.id from Unit u where u.organisation.id = :organisation"
                        + " and u.code = :code", Long.class)
                .setParameter("organisation", organisationId).setParameter("code", body.code)
                .getResultList().isEmpty()) {
            throw new BadRequestException("code " + body.code + " is already used by another unit.");
        }
        Unit unit = new Unit(em.getReference(Organisation.class, organisationId), parent, body.code, body.name);
        em.persist(unit);
        em.flush();
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(unit.id())).build())
                .entity(UnitView.of(unit)).build();
    }
}
