package se.digikomp.lms.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.org.LearnerAgent;
import se.digikomp.lms.privacy.control.DataExports;
import se.digikomp.lms.privacy.control.ErasureJob;
import se.digikomp.lms.privacy.control.Erasures;
import se.digikomp.lms.privacy.entity.Erasure;
import se.digikomp.lms.privacy.entity.PersonData;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/** A person's personal data: their xAPI agent, the export of everything held about them, and erasure. */
@Path("api/people")
@RequestScoped
@Tag(name = "personal data")
@SecurityRequirement(name = "basic")
public class PersonalDataResource {

    static final String ZIP = "application/zip";

    /**
     * An erasure decision. A class rather than a record: Payara 6.2025.10's OpenAPI generator fails on Bean
     * Validation annotations placed on record components.
     */
    public static class Decision {
        /** the decision's reference, e.g. its registration number (diarienummer) */
        @NotBlank
        @Size(max = 100)
        public String reference;

        /** why the person's data is erased */
        @NotBlank
        @Size(max = 2000)
        public String reason;
    }

    @Inject
    LearnerAgent learnerAgent;

    @Inject
    DataExports exports;

    @Inject
    Erasures erasures;

    @Inject
    ErasureJob job;

    @Context
    HttpServletRequest request;

    @GET
    @Path("me/agent")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in person's primary xAPI agent (the actor Digikomp launches content with)")
    public JsonObject myAgent(@Context SecurityContext security) {
        Caller caller = caller(security);
        return learnerAgent.primary(caller.personId())
                .orElseThrow(() -> new NotFoundException("Your account has no person record."));
    }

    @GET
    @Path("me/data-export")
    @Produces(ZIP)
    @Operation(summary = "Everything Digikomp holds about the signed-in person, as a zip of JSON files")
    public Response myData(@Context SecurityContext security) {
        Caller caller = caller(security);
        return export(caller, caller.personId());
    }

    @GET
    @Path("{id}/data-export")
    @Produces(ZIP)
    @RequiresRole({Role.HR, Role.ADMIN})
    @Operation(summary = "Everything Digikomp holds about a person of the organisation, as a zip of JSON files")
    public Response personData(@PathParam("id") long personId, @Context SecurityContext security) {
        return export(caller(security), personId);
    }

    @POST
    @Path("{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Erase a person of the organisation under a recorded decision (reference and reason);"
            + " answers when the person's statements are pseudonymised")
    public Response erase(@PathParam("id") long personId, @Valid @NotNull Decision decision,
            @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = caller(security);
        Erasure recorded;
        try {
            recorded = erasures.decide(caller, personId, decision.reference.trim(), decision.reason.trim());
        } catch (Erasures.Refused e) {
            if (e.notFound) {
                throw new NotFoundException(e.getMessage());
            }
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
        Erasure done = job.run(recorded.id(), request.getRemoteAddr());
        return Response.created(uri.getBaseUriBuilder().path("api/erasures/{id}").build(done.id()))
                .entity(done).build();
    }

    private Response export(Caller caller, long personId) {
        PersonData data = exports.prepare(caller, personId, request.getRemoteAddr())
                .orElseThrow(() -> new NotFoundException("No person " + personId + " in your organisation."));
        StreamingOutput body = out -> exports.write(data, out);
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + DataExports.fileName(data) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
