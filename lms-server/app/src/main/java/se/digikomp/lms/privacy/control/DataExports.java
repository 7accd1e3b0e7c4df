package se.digikomp.lms.privacy.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import se.digikomp.lms.org.LearnerAgent;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.privacy.entity.PersonData;
import se.digikomp.lms.security.AuditAction;
import se.digikomp.lms.security.AuditEvent;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.xapi.control.AgentDocuments;
import se.digikomp.lms.xapi.control.AgentKeys;
import se.digikomp.lms.xapi.control.AgentStatements;
import se.digikomp.lms.xapi.control.JsonBuilders;
import se.digikomp.lms.xapi.entity.AgentDocument;
import se.digikomp.lms.xapi.entity.DocumentKind;

/**
 * A person's right of access (GDPR article 15): everything Digikomp holds about them as one zip of JSON files with a
 * README in Swedish and English. The zip is written as it is read, statement page by statement page, so a person
 * with many statements costs no memory.
 */
@ApplicationScoped
public class DataExports {

    static final String README = "README.txt";
    static final String PROFILE = "profile.json";
    static final String ROLES = "roles.json";
    static final String AGENTS = "xapi-agents.json";
    static final String STATEMENTS = "xapi-statements.json";
    static final String DOCUMENTS = "xapi-documents.json";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    LearnerAgent learnerAgent;

    @Inject
    AgentStatements statements;

    @Inject
    AgentDocuments documents;

    @Inject
    Event<AuditEvent> audit;

    /**
     * The person's data outside the LRS, if the person is in the caller's organisation, and the export recorded
     * in the audit log (in the same transaction).
     */
    @Transactional
    public Optional<PersonData> prepare(Caller caller, long personId, String remoteAddress) {
        try (Connection c = dataSource.getConnection()) {
            Optional<JsonObject> profile = PersonRecords.profile(c, caller.organisationId(), personId);
            if (profile.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> email = PersonRecords.email(c, caller.organisationId(), personId, false).orElseThrow();
            PersonData data = new PersonData(personId, caller.organisationId(), profile.get(),
                    PersonRecords.roles(c, personId), learnerAgent.identities(c, personId, email));
            audit.fire(new AuditEvent(caller.organisationId(), caller.accountId(), AuditAction.PERSONAL_DATA_EXPORTED,
                    "person", Long.toString(personId), remoteAddress,
                    caller.personId() == personId ? "own data" : null));
            return Optional.of(data);
        } catch (SQLException e) {
            throw new IllegalStateException("the data of person " + personId + " could not be read", e);
        }
    }

    /** The file name the download is offered under. */
    public static String fileName(PersonData data) {
        return "digikomp-person-" + data.personId() + ".zip";
    }

    /** Writes the zip. */
    public void write(PersonData data, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        OutputStream entry = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the zip stays open for the next entry
            }
        };
        zip.putNextEntry(new ZipEntry(README));
        try (InputStream readme = DataExports.class.getResourceAsStream("export-README.txt")) {
            readme.transferTo(zip);
        }
        json(zip, entry, PROFILE, data.profile());
        JsonArrayBuilder roles = JsonBuilders.PROVIDER.createArrayBuilder();
        data.roles().forEach(roles::add);
        json(zip, entry, ROLES, roles.build());
        JsonArrayBuilder agents = JsonBuilders.PROVIDER.createArrayBuilder();
        data.agents().forEach(agents::add);
        json(zip, entry, AGENTS, agents.build());
        List<byte[]> keys = AgentKeys.of(data.agents());

        zip.putNextEntry(new ZipEntry(STATEMENTS));
        Writer out = new OutputStreamWriter(entry, StandardCharsets.UTF_8);
        out.write("[");
        boolean[] first = {true};
        statements.forEach(data.organisationId(), keys, s -> {
            out.write(first[0] ? "\n" : ",\n");
            first[0] = false;
            // the statement exactly as the LRS stores and serves it
            out.write("{\"voided\":" + s.voided() + ",\"statement\":" + s.document() + "}");
        });
        out.write("\n]\n");
        out.flush();

        zip.putNextEntry(new ZipEntry(DOCUMENTS));
        JsonGenerator docs = JsonBuilders.PROVIDER.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(entry, StandardCharsets.UTF_8);
        docs.writeStartArray();
        documents.forEach(data.organisationId(), keys, d -> {
            docs.write(document(d));
            docs.flush();
        });
        docs.writeEnd();
        docs.close();
        zip.finish();
        zip.flush();
    }

    private static void json(ZipOutputStream zip, OutputStream entry, String name, JsonValue value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (JsonGenerator g = JsonBuilders.PROVIDER.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(entry, StandardCharsets.UTF_8)) {
            g.write(value);
        }
    }

    static JsonObject document(AgentDocument d) {
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder()
                .add("kind", d.kind() == DocumentKind.STATE ? "state" : "agentProfile")
                .add(d.kind().idParameter(), d.documentId());
        d.activityId().ifPresent(a -> b.add("activityId", a));
        d.registration().ifPresent(r -> b.add("registration", r.toString()));
        b.add("contentType", d.document().contentType()).add("updated", d.document().updated().toString());
        Optional<JsonValue> json = d.document().isJson() ? parse(d.document().content()) : Optional.empty();
        if (json.isPresent()) {
            b.add("content", json.get());
        } else {
            b.add("contentBase64", Base64.getEncoder().encodeToString(d.document().content()));
        }
        return b.build();
    }

    private static Optional<JsonValue> parse(byte[] content) {
        try (var reader = JsonBuilders.PROVIDER.createReader(new ByteArrayInputStream(content))) {
            return Optional.of(reader.readValue());
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
