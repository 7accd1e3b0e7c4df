package se.digikomp.lms.xapi.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;
import se.digikomp.lms.xapi.control.LrsClients;
import se.digikomp.lms.xapi.entity.Scope;

/** Administration of the LRS credentials of the administrator's own organisation. */
@Path("api/lrs-clients")
@RequestScoped
@RequiresRole(Role.ADMIN)
@Tag(name = "lrs-clients")
@SecurityRequirement(name = "basic")
public class LrsClientsResource {

    /** A client as the API shows it; the secret appears only in the answer to its creation. */
    public record ClientView(long id, String key, String label, List<String> scopes, boolean active,
            Instant createdAt, String secret) {

        static ClientView of(LrsClients.Listed c, String secret) {
            return new ClientView(c.id(), c.key(), c.label(), c.scopes().stream().map(Scope::wire).sorted().toList(),
                    c.active(), c.createdAt(), secret);
        }
    }

    /** A client to create (a class: Payara's OpenAPI generator fails on constraints on record components). */
    public static class NewClient {
        @NotBlank
        @Size(max = 200)
        public String label;

        @NotEmpty
        public List<String> scopes;
    }

    /** Changes to a client; absent fields stay as they are. */
    public static class ClientChange {
        @Size(min = 1, max = 200)
        public String label;

        public List<String> scopes;

        public Boolean active;
    }

    @Inject
    LrsClients clients;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The LRS clients of the administrator's organisation")
    public List<ClientView> list(@Context SecurityContext security) {
        return clients.list(organisation(security)).stream().map(c -> ClientView.of(c, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an LRS client; the answer holds its secret, which is never shown again")
    public Response create(@Valid @NotNull NewClient body, @Context SecurityContext security, @Context UriInfo uri) {
        LrsClients.Created created = clients.create(organisation(security), body.label.trim(), scopes(body.scopes));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.client().id())).build())
                .entity(ClientView.of(created.client(), created.secret())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an LRS client's label, scopes or active flag")
    public ClientView update(@PathParam("id") long id, @Valid @NotNull ClientChange body,
            @Context SecurityContext security) {
        return clients.update(organisation(security), id, body.label, body.scopes == null ? null : scopes(body.scopes),
                body.active).map(c -> ClientView.of(c, null))
                .orElseThrow(() -> new NotFoundException("No LRS client " + id + " in your organisation."));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deactivate an LRS client (its statements stay; its credential stops working)")
    public Response deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        clients.update(organisation(security), id, null, null, false)
                .orElseThrow(() -> new NotFoundException("No LRS client " + id + " in your organisation."));
        return Response.noContent().build();
    }

    private static long organisation(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).organisationId();
    }

    private static Set<Scope> scopes(List<String> words) {
        if (words.isEmpty()) {
            throw new BadRequestException("scopes: at least one of " + List.of(Scope.values()).stream()
                    .map(Scope::wire).toList());
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String w : words) {
            scopes.add(Scope.fromWire(w).orElseThrow(() -> new BadRequestException("scopes: '" + w
                    + "' is not an xAPI scope; use " + List.of(Scope.values()).stream().map(Scope::wire).toList())));
        }
        return scopes;
    }
}
