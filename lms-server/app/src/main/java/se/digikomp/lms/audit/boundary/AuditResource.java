package se.digikomp.lms.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.audit.control.AuditLog;
import se.digikomp.lms.audit.control.AuditPages;
import se.digikomp.lms.audit.entity.AuditEntry;
import se.digikomp.lms.audit.entity.AuditQuery;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/** The audit log of the caller's organisation, for HR and administrators. Read only. */
@Path("api/audit")
@RequestScoped
@Tag(name = "audit")
@SecurityRequirement(name = "basic")
public class AuditResource {

    /** One page, newest first; {@code next} is the link to the following page, absent on the last. */
    public record AuditPage(List<AuditEntry> events, String next) {
    }

    @Inject
    AuditLog log;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.HR, Role.ADMIN})
    @Operation(summary = "The organisation's audit log, newest first, keyset-paged (follow next)")
    public AuditPage page(@QueryParam("action") String action, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") String before, @QueryParam("limit") String limit,
            @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = (Caller) security.getUserPrincipal();
        AuditQuery query;
        try {
            query = AuditPages.query(caller.organisationId(), action, from, to, before, limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        List<AuditEntry> rows = log.page(query);
        List<AuditEntry> events = rows.size() > query.limit() ? rows.subList(0, query.limit()) : rows;
        String next = rows.size() > query.limit()
                ? uri.getRequestUriBuilder().replaceQueryParam("before", events.get(events.size() - 1).id())
                        .build().toString()
                : null;
        return new AuditPage(events, next);
    }
}
