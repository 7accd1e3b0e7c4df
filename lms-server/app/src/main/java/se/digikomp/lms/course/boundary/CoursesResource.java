package se.digikomp.lms.course.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import se.digikomp.lms.course.control.CourseCatalogue;
import se.digikomp.lms.course.entity.CourseSummary;
import se.digikomp.lms.security.Caller;

/** {@code GET /api/courses}: the courses the caller's organisation may take, each at its newest version. */
@Path("api/courses")
@RequestScoped
@Tag(name = "courses")
@SecurityRequirement(name = "basic")
public class CoursesResource {

    @Inject
    CourseCatalogue catalogue;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The organisation's own courses and the shared ones, at their newest version not withdrawn")
    public List<CourseSummary> courses(@Context SecurityContext security) {
        return catalogue.courses(((Caller) security.getUserPrincipal()).organisationId());
    }
}
