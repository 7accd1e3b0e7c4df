package se.digikomp.lms.course.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.course.control.CourseCatalogue;
import se.digikomp.lms.course.entity.CourseVersionDetails;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/** One imported version of a course (the {@code Location} of an import), and its withdrawal. */
@Path("api/course-versions")
@RequestScoped
@Tag(name = "courses")
@SecurityRequirement(name = "basic")
public class CourseVersionsResource {

    private static final System.Logger LOG = System.getLogger(CourseVersionsResource.class.getName());

    @Inject
    CourseCatalogue catalogue;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A course version of the caller's organisation (or a shared one) with its launchable units")
    public CourseVersionDetails version(@PathParam("id") long id, @Context SecurityContext security) {
        return catalogue.version(caller(security).organisationId(), id)
                .orElseThrow(() -> new NotFoundException("No course version " + id + "."));
    }

    @POST
    @Path("{id}/withdrawal")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.AUTHOR, Role.ADMIN})
    @Operation(summary = "Withdraw a version of one of the organisation's courses: new attempts no longer start on"
            + " it; nothing is deleted")
    public CourseVersionDetails withdraw(@PathParam("id") long id, @Context SecurityContext security) {
        Caller caller = caller(security);
        switch (catalogue.withdraw(caller.organisationId(), id, caller.accountId())) {
            case NOT_FOUND -> throw new NotFoundException("No course version " + id + ".");
            case SHARED -> throw new ForbiddenException("Course version " + id + " is shared with every organisation"
                    + " (imported from the server's courses/); only the server's operators withdraw it.");
            default -> LOG.log(Level.INFO, "Course version {0} withdrawn by account {1}", id, caller.accountId());
        }
        return catalogue.version(caller.organisationId(), id).orElseThrow();
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
