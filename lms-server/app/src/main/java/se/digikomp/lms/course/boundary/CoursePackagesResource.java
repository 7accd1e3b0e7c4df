package se.digikomp.lms.course.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.course.control.ContentDigest;
import se.digikomp.lms.course.control.CourseCatalogue;
import se.digikomp.lms.course.control.CourseImporter;
import se.digikomp.lms.course.control.CourseSettings;
import se.digikomp.lms.course.control.UploadedPackage;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/**
 * {@code POST /api/course-packages}: the import contract course-packager's {@code publish} speaks
 * (docs/course-packager.md): the zip as {@code application/zip}, {@code Content-Digest} (RFC 9530), optional
 * {@code X-Package-Format}; {@code 201 Created} with {@code Location} of the new version, problem+json otherwise.
 */
@Path("api/course-packages")
@RequestScoped
@Tag(name = "courses")
@SecurityRequirement(name = "basic")
public class CoursePackagesResource {

    private static final System.Logger LOG = System.getLogger(CoursePackagesResource.class.getName());

    @Inject
    CourseImporter importer;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    CourseSettings settings;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.AUTHOR, Role.ADMIN})
    @Operation(summary = "Import a SCORM 1.2, SCORM 2004, xAPI, cmi5 or web package as a new course version")
    public Response upload(InputStream body, @HeaderParam("Content-Type") String contentType,
                           @HeaderParam("Content-Digest") String digestHeader,
                           @HeaderParam("X-Package-Format") String formatHeader,
                           @Context SecurityContext security, @Context UriInfo uri) throws IOException {
        Caller caller = (Caller) security.getUserPrincipal();
        ContentDigest digest;
        try {
            digest = ContentDigest.parse(digestHeader);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (contentType == null || contentType.isBlank()) {
            throw new BadRequestException("Send the package as the body, with Content-Type: application/zip.");
        }
        if (!MediaType.valueOf(contentType).isCompatible(MediaType.valueOf("application/zip"))) {
            throw new ClientErrorException("The body must be a zip (Content-Type: application/zip), not "
                    + contentType + ".", Response.Status.UNSUPPORTED_MEDIA_TYPE);
        }
        Optional<PackageFormat> declared = Optional.empty();
        if (formatHeader != null && !formatHeader.isBlank()) {
            declared = Optional.of(PackageFormat.of(formatHeader.strip()).orElseThrow(() -> new BadRequestException(
                    "X-Package-Format must be scorm12, scorm2004, xapi, cmi5 or web, not " + formatHeader.strip())));
        }
        try (UploadedPackage upload = UploadedPackage.receive(body, settings.limits().maxPackageBytes())) {
            if (!digest.matches(upload.sha256(), upload.sha512())) {
                throw new BadRequestException("Content-Digest does not match the body: the upload was changed or cut"
                        + " short. Nothing was imported.");
            }
            CourseImporter.Imported imported = importer.importPackage(upload.file(), upload.sha256(), upload.size(),
                    declared, new CourseImporter.Owner(caller.organisationId(), caller.accountId()), settings.limits(),
                    Optional.empty());
            LOG.log(Level.INFO, "Imported course version {0} (course {1}, version {2}, {3}) for organisation {4}"
                    + " by account {5}", imported.versionId(), imported.courseId(), imported.versionNumber(),
                    imported.manifest().format().word, caller.organisationId(), caller.accountId());
            return Response.created(uri.getBaseUriBuilder().path("api/course-versions/{id}")
                            .build(imported.versionId()))
                    .entity(catalogue.version(caller.organisationId(), imported.versionId()).orElseThrow()).build();
        }
    }

}
